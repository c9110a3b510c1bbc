/**
 * AdmissionReview v1 (k8s.io/api/admission/v1) as the API server sends it to a webhook and reads
 * the answer, and the answers controller-runtime's admission package builds (response.go).
 */
import type { Status } from "../../../apimachinery/index.js";
import type { KubernetesObject } from "../../object.js";

/** What the API server does: `CONNECT` reaches only webhooks that register for it. */
export type AdmissionOperation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

/** authentication/v1 UserInfo: who made the request being admitted. */
export interface AdmissionUserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

/** admission/v1 AdmissionRequest. */
export interface AdmissionRequest {
  uid: string;
  kind: { group: string; version: string; kind: string };
  resource: { group: string; version: string; resource: string };
  subResource?: string;
  requestKind?: { group: string; version: string; kind: string };
  requestResource?: { group: string; version: string; resource: string };
  requestSubResource?: string;
  name?: string;
  namespace?: string;
  operation: AdmissionOperation;
  userInfo: AdmissionUserInfo;
  /** The object as sent (CREATE, UPDATE), absent for DELETE. */
  object?: KubernetesObject | null;
  /** The stored object (UPDATE, DELETE). */
  oldObject?: KubernetesObject | null;
  dryRun?: boolean;
  options?: Record<string, unknown> | null;
}

/** One RFC 6902 operation, as gomodules.xyz/jsonpatch marshals it. */
export interface JsonPatchOperation {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

/** admission/v1 AdmissionResponse; `patch` is the base64 of the JSON patch. */
export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: Status;
  patch?: string;
  patchType?: "JSONPatch";
  auditAnnotations?: Record<string, string>;
  warnings?: string[];
}

/** admission/v1 AdmissionReview: `request` in, `response` out. */
export interface AdmissionReview {
  apiVersion: string;
  kind: "AdmissionReview";
  request?: AdmissionRequest;
  response?: AdmissionResponse;
}

/**
 * What a handler answers before the server completes it (uid, status code, patch encoding),
 * as controller-runtime's `admission.Response`: the patch as operations.
 */
export interface Answer {
  allowed: boolean;
  status?: Status;
  patches?: JsonPatchOperation[];
  warnings?: string[];
}

/** Allowed, with an optional message (controller-runtime's `Allowed`). */
export function allowed(message = ""): Answer {
  return validationAnswer(true, message);
}

/** Denied with 403 Forbidden and the message (controller-runtime's `Denied`). */
export function denied(message: string): Answer {
  return validationAnswer(false, message);
}

/** A failed request: allowed false, the code and the error's message only (`Errored`). */
export function errored(code: number, err: unknown): Answer {
  return { allowed: false, status: { code, message: err instanceof Error ? err.message : String(err) } };
}

/** `ValidationResponse`: 200 when allowed, 403 Forbidden otherwise; the message when not empty. */
function validationAnswer(isAllowed: boolean, message: string): Answer {
  const status: Status = isAllowed ? { code: 200 } : { code: 403, reason: "Forbidden" };
  if (message) status.message = message;
  return { allowed: isAllowed, status };
}

/** The answer built from an error's Status (`validationResponseFromStatus`): the Status as it is. */
export function answerFromStatus(isAllowed: boolean, status: Status): Answer {
  return { allowed: isAllowed, status };
}

/**
 * The response sent for an answer (`Response.Complete`): the request's uid, a status code of 200
 * when none was set, and the patch, when there is one, marshalled and base64-encoded.
 */
export function completeAnswer(answer: Answer, uid: string): AdmissionResponse {
  const response: AdmissionResponse = { uid, allowed: answer.allowed, status: { ...answer.status } };
  if (!response.status?.code) response.status = { ...response.status, code: 200 };
  if (answer.patches && answer.patches.length > 0) {
    response.patch = Buffer.from(JSON.stringify(answer.patches)).toString("base64");
    response.patchType = "JSONPatch";
  }
  if (answer.warnings && answer.warnings.length > 0) response.warnings = [...answer.warnings];
  return response;
}
