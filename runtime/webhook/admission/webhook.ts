/**
 * An admission webhook over HTTP (controller-runtime's `admission.Webhook` and its http.go): reads
 * an AdmissionReview v1 (or v1beta1) request with a bounded body, calls the handler, and writes the
 * review back with the request's uid, in the request's apiVersion. A request the webhook cannot
 * read is answered as controller-runtime answers it: HTTP 200 with a review whose response is
 * not allowed and carries the code (400, 413) and the reason, so the API server shows it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../log/logger.js";
import { completeAnswer, errored, type AdmissionRequest, type AdmissionReview, type Answer } from "./review.js";

/** What a defaulter or validator is given besides the object: the request and its cancellation. */
export interface AdmissionContext {
  /** The AdmissionRequest being answered (operation, user, dryRun, ...). */
  readonly request: AdmissionRequest;
  /** Aborts when the API server gives up on the call (its timeoutSeconds). */
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

/** Answers one AdmissionRequest (controller-runtime's `admission.Handler`). */
export type AdmissionHandler = (context: AdmissionContext) => Promise<Answer>;

/** An HTTP handler registered on the webhook server at one path. */
export type WebhookHttpHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** controller-runtime's maxRequestSize: two objects of at most 3 MiB each, and 1 MiB for the rest. */
export const MAX_ADMISSION_REQUEST_BYTES = 7 * 1024 * 1024;

const ADMISSION_API_VERSIONS = new Set(["admission.k8s.io/v1", "admission.k8s.io/v1beta1"]);

/**
 * Reads a body shorter than `limit` bytes; `undefined` when it reaches the limit (the rest is
 * discarded), as controller-runtime's io.LimitedReader check (`N <= 0`) refuses a body of exactly
 * the limit too.
 */
export async function readBoundedBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size >= limit) {
      request.resume();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function writeJson(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { "Content-Type": "application/json" }).end(`${JSON.stringify(body)}\n`);
}

/** The review's request, or why the body is not one. */
function decodeReview(body: Buffer): { review: AdmissionReview } | { error: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(body.toString("utf8"));
  } catch (err) {
    return { error: `couldn't decode the AdmissionReview: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (decoded === null || typeof decoded !== "object" || Array.isArray(decoded)) {
    return { error: "couldn't decode the AdmissionReview: the body is not a JSON object" };
  }
  const review = decoded as Partial<AdmissionReview>;
  const apiVersion = review.apiVersion ?? "admission.k8s.io/v1";
  const kind = review.kind ?? "AdmissionReview";
  if (kind !== "AdmissionReview" || !ADMISSION_API_VERSIONS.has(apiVersion)) {
    return { error: `no kind "${kind}" is registered for version "${apiVersion}": expected an AdmissionReview` };
  }
  if (review.request === null || typeof review.request !== "object") {
    return { error: "the AdmissionReview has no request" };
  }
  return { review: { apiVersion, kind, request: review.request } };
}

/**
 * The HTTP handler serving `handler`. Errors never escape: a handler that throws is answered
 * with a 500 errored review naming the failure, as controller-runtime recovers a panic.
 */
export function admissionHttpHandler(handler: AdmissionHandler, logger: Logger): WebhookHttpHandler {
  return async (request, response) => {
    const fail = (code: number, message: string): void => {
      logger.error(new Error(message), "bad admission request");
      writeJson(response, { response: completeAnswer(errored(code, message), "") });
    };
    const body = await readBoundedBody(request, MAX_ADMISSION_REQUEST_BYTES);
    if (body === undefined) {
      return fail(413, `request entity is too large; limit is ${MAX_ADMISSION_REQUEST_BYTES} bytes`);
    }
    if (body.length === 0) return fail(400, "request body is empty");
    const contentType = request.headers["content-type"] ?? "";
    if (contentType !== "application/json") {
      return fail(400, `contentType=${contentType}, expected application/json`);
    }
    const decoded = decodeReview(body);
    if ("error" in decoded) return fail(400, decoded.error);
    const { review } = decoded;
    const admissionRequest = review.request as AdmissionRequest;
    const abort = new AbortController();
    response.once("close", () => abort.abort());
    let answer: Answer;
    try {
      answer = await handler({ request: admissionRequest, signal: abort.signal, logger });
    } catch (err) {
      logger.error(err, "admission handler failed", { uid: admissionRequest.uid });
      answer = errored(500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
    }
    writeJson(response, {
      apiVersion: review.apiVersion,
      kind: "AdmissionReview",
      response: completeAnswer(answer, admissionRequest.uid ?? ""),
    });
  };
}
