/**
 * One call of one webhook and the ways it can end, as the dispatchers tell them apart: a
 * rejection (the webhook answered "not allowed"), a calling error (unreachable, timed out, an
 * answer that cannot be believed), which failurePolicy decides about, or an error no policy
 * excuses (a dry run the webhook may not see).
 */
import { StatusError, badRequest, type StatusBody } from "../errors/status.js";
import type { ResourceRegistry } from "../registry/registry.js";
import type { Store } from "../storage/store.js";
import type { AdmissionAttributes } from "./attributes.js";
import {
  admissionReview,
  InvalidResponseError,
  verifyAdmissionResponse,
  type AdmissionResponse,
} from "./admission_review.js";
import { callWebhook, WebhookCallError } from "./webhook_client.js";
import type { WebhookInvocation } from "./webhook_matching.js";

export interface WebhookDependencies {
  readonly store: Store;
  readonly registry: ResourceRegistry;
}

/** apierrors.NewInternalError: the message, and the same text as its one cause. */
export function internalStatusError(message: string): StatusError {
  return new StatusError(500, "InternalError", `Internal error occurred: ${message}`, { causes: [{ message }] });
}

/** A call that did not produce a usable answer (webhookutil.ErrCallingWebhook). */
export class CallingWebhookError extends Error {
  constructor(webhookName: string, reason: string) {
    super(`failed calling webhook "${webhookName}": ${reason}`);
  }

  /** What the request fails with when the webhook's failurePolicy is Fail. */
  toStatusError(): StatusError {
    return internalStatusError(this.message);
  }
}

/** webhookerrors.ToStatusErr: the webhook's own Status, made a failure, its message prefixed. */
export function rejection(webhookName: string, result: Partial<StatusBody> | undefined): StatusError {
  const deniedBy = `admission webhook "${webhookName}" denied the request`;
  const code = typeof result?.code === "number" && result.code >= 400 ? result.code : 400;
  const message = result?.message
    ? `${deniedBy}: ${result.message}`
    : result?.reason
      ? `${deniedBy}: ${result.reason}`
      : `${deniedBy} without explanation`;
  const error = new StatusError(
    code,
    typeof result?.reason === "string" ? result.reason : "",
    message,
    result?.details,
  );
  return error;
}

/**
 * Calls the webhook of `invocation` with `attributes` (already in the invocation's version).
 * Throws a CallingWebhookError or a StatusError; a rejection is returned in the response.
 */
export async function callInvocation(
  invocation: WebhookInvocation,
  attributes: AdmissionAttributes,
  mutating: boolean,
  dependencies: WebhookDependencies,
): Promise<AdmissionResponse> {
  const { spec } = invocation.webhook;
  if (attributes.dryRun) {
    if (spec.sideEffects === undefined) throw new CallingWebhookError(spec.name, "Webhook SideEffects is nil");
    if (spec.sideEffects !== "None" && spec.sideEffects !== "NoneOnDryRun")
      throw badRequest(`admission webhook "${spec.name}" does not support dry run`);
  }
  const review = admissionReview(spec.admissionReviewVersions, attributes, invocation.type);
  if (!review) {
    throw new CallingWebhookError(
      spec.name,
      "could not create admission objects: webhook does not accept known AdmissionReview versions (v1, v1beta1)",
    );
  }
  let answer: unknown;
  try {
    answer = await callWebhook(spec.clientConfig, dependencies.store, spec.timeoutSeconds, review.body);
  } catch (error) {
    if (error instanceof WebhookCallError)
      throw new CallingWebhookError(spec.name, `failed to call webhook: ${error.message}`);
    throw error;
  }
  try {
    return verifyAdmissionResponse(review, answer, mutating);
  } catch (error) {
    if (error instanceof InvalidResponseError)
      throw new CallingWebhookError(spec.name, `received invalid webhook response: ${error.message}`);
    throw error;
  }
}
