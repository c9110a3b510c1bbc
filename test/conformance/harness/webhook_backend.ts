/**
 * An HTTPS admission webhook inside the test process: every AdmissionReview it receives is
 * recorded (path and request) and answered as the case scripted for that path, allowed by
 * default. Objects labelled `admission-probe` are readiness probes, never recorded: the
 * `/probe` path denies them with their label's value, every other path allows them.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { generateServingCertificates } from "../../../apiserver/auth/certificates.js";

export const PROBE_LABEL = "admission-probe";
export const PROBE_PATH = "/probe";

/** What one scripted answer says; `patch` is a JSONPatch, sent base64-encoded with its patchType. */
export interface ScriptedAnswer {
  readonly allowed: boolean;
  readonly status?: Record<string, unknown>;
  readonly patch?: readonly unknown[];
  readonly warnings?: readonly string[];
  /** Answers only after this long (a webhook slower than its timeoutSeconds). */
  readonly delayMs?: number;
}

export type Responder = (request: Record<string, unknown>) => ScriptedAnswer;

/** One review as received: the path with its query (the timeout) and the request. */
export interface ReceivedReview {
  readonly path: string;
  readonly apiVersion: unknown;
  readonly request: Record<string, unknown>;
}

export interface WebhookBackend {
  /** The URL of `path` on this backend. */
  url(path: string): string;
  /** The CA that signed the backend's certificate, base64 as clientConfig.caBundle wants it. */
  readonly caBundle: string;
  /** Answers reviews sent to `path` with `responder` from now on. */
  respond(path: string, responder: Responder): void;
  /** The reviews received since the last call, in a stable order (validating webhooks run in parallel). */
  take(): ReceivedReview[];
  close(): Promise<void>;
}

function labelsOf(object: unknown): Record<string, string> {
  const metadata = (object as { metadata?: { labels?: Record<string, string> } } | null)?.metadata;
  return metadata?.labels ?? {};
}

function answerOf(review: Record<string, unknown>, request: Record<string, unknown>, answer: ScriptedAnswer): unknown {
  const response: Record<string, unknown> = { uid: request.uid, allowed: answer.allowed };
  if (answer.status) response.status = answer.status;
  if (answer.warnings) response.warnings = answer.warnings;
  if (answer.patch) {
    response.patch = Buffer.from(JSON.stringify(answer.patch)).toString("base64");
    if (review.apiVersion === "admission.k8s.io/v1") response.patchType = "JSONPatch";
  }
  return { apiVersion: review.apiVersion, kind: "AdmissionReview", response };
}

async function readJson(stream: NodeJS.ReadableStream): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

export async function startWebhookBackend(): Promise<WebhookBackend> {
  const certificates = await generateServingCertificates();
  const responders = new Map<string, Responder>();
  let received: ReceivedReview[] = [];
  const server: Server = createServer(
    { cert: certificates.certificatePem, key: certificates.privateKeyPem },
    (incoming, outgoing) => {
      void (async () => {
        const url = new URL(incoming.url ?? "/", "https://backend");
        const review = await readJson(incoming);
        const request = (review.request ?? {}) as Record<string, unknown>;
        const probe = labelsOf(request.object)[PROBE_LABEL] ?? labelsOf(request.oldObject)[PROBE_LABEL];
        let answer: ScriptedAnswer;
        if (probe !== undefined) {
          answer =
            url.pathname === PROBE_PATH ? { allowed: false, status: { message: `probe ${probe}` } } : { allowed: true };
        } else {
          received.push({ path: `${url.pathname}${url.search}`, apiVersion: review.apiVersion, request });
          answer = (responders.get(url.pathname) ?? (() => ({ allowed: true })))(request);
        }
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        if (outgoing.destroyed) return;
        outgoing.writeHead(200, { "content-type": "application/json" });
        outgoing.end(JSON.stringify(answerOf(review, request, answer)));
      })().catch(() => {
        outgoing.writeHead(400);
        outgoing.end();
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `https://127.0.0.1:${port}${path}`,
    caBundle: Buffer.from(certificates.caCertificatePem).toString("base64"),
    respond: (path, responder) => void responders.set(path, responder),
    take() {
      const taken = received.sort((a, b) => {
        const left = JSON.stringify([a.path, a.request.operation, a.request.name]);
        const right = JSON.stringify([b.path, b.request.operation, b.request.name]);
        return left < right ? -1 : left > right ? 1 : 0;
      });
      received = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
