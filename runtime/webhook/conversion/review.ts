/**
 * The `/convert` endpoint: a ConversionReview v1 (apiextensions.k8s.io/v1) in, the same review with
 * its response out, as controller-runtime's conversion webhook answers: every object converted to
 * `desiredAPIVersion` and `result.status: Success`, or, at the first failure, no objects and
 * `result: { status: Failure, message }`. A body that is not a review is answered 400 with no body.
 */
import type { Logger } from "../../log/logger.js";
import type { KubernetesObject } from "../../object.js";
import { readBoundedBody, type WebhookHttpHandler } from "../admission/webhook.js";
import { convertObject, type ConversionRegistry } from "./conversion.js";

/** apiextensions/v1 ConversionRequest. */
export interface ConversionRequest {
  uid: string;
  desiredAPIVersion: string;
  objects: KubernetesObject[];
}

/** apiextensions/v1 ConversionResponse. */
export interface ConversionResponse {
  uid: string;
  convertedObjects: KubernetesObject[] | null;
  result: { status: "Success" | "Failure"; message?: string };
}

/** apiextensions/v1 ConversionReview. */
export interface ConversionReview {
  apiVersion?: string;
  kind?: string;
  request?: ConversionRequest;
  response?: ConversionResponse;
}

/** A ConversionReview holds at most as many objects as a list the API server converts: bound it as admission's. */
const MAX_CONVERSION_REQUEST_BYTES = 64 * 1024 * 1024;

/** The response to one request (controller-runtime's handleConvertRequest). */
export async function convertRequest(
  registry: ConversionRegistry,
  request: ConversionRequest,
): Promise<ConversionResponse> {
  try {
    if (!Array.isArray(request.objects)) throw new Error("the conversion request has no objects list");
    if (typeof request.desiredAPIVersion !== "string" || !request.desiredAPIVersion) {
      throw new Error("the conversion request has no desiredAPIVersion");
    }
    const convertedObjects: KubernetesObject[] = [];
    for (const object of request.objects) {
      convertedObjects.push(await convertObject(registry, object, request.desiredAPIVersion));
    }
    return { uid: request.uid, convertedObjects, result: { status: "Success" } };
  } catch (err) {
    return {
      uid: request.uid,
      convertedObjects: null,
      result: { status: "Failure", message: err instanceof Error ? err.message : String(err) },
    };
  }
}

/** The HTTP handler of `/convert` for the registry's conversions. */
export function conversionHttpHandler(registry: ConversionRegistry, logger: Logger): WebhookHttpHandler {
  return async (request, response) => {
    const body = await readBoundedBody(request, MAX_CONVERSION_REQUEST_BYTES);
    let review: ConversionReview | undefined;
    try {
      review = body === undefined ? undefined : (JSON.parse(body.toString("utf8")) as ConversionReview);
    } catch {
      review = undefined;
    }
    if (
      review === null ||
      typeof review !== "object" ||
      review.request === null ||
      typeof review.request !== "object"
    ) {
      logger.error(new Error("not a ConversionReview with a request"), "failed to read conversion request");
      response.writeHead(400).end();
      return;
    }
    const { request: conversionRequest, ...rest } = review;
    const answer = await convertRequest(registry, conversionRequest);
    if (answer.result.status === "Failure") {
      logger.error(new Error(answer.result.message), "failed to convert", { request: conversionRequest.uid });
    }
    response
      .writeHead(200, { "Content-Type": "application/json" })
      .end(`${JSON.stringify({ ...rest, response: answer })}\n`);
  };
}
