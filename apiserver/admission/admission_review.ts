/**
 * AdmissionReview requests and responses (k8s.io/apiserver's webhook/request/admissionreview.go):
 * the request in the first version the webhook accepts (v1 or v1beta1), and a response checked
 * as VerifyAdmissionResponse checks it before anything in it is believed.
 */
import { randomUUID } from "node:crypto";
import type { StatusBody } from "../errors/status.js";
import type { ResourceType } from "../registry/resource_type.js";
import type { AdmissionAttributes } from "./attributes.js";

const reviewVersions = ["v1", "v1beta1"] as const;
export type ReviewVersion = (typeof reviewVersions)[number];

/** The AdmissionRequest fields, as the webhook and matchConditions' `request` see them. */
export function admissionRequest(
  attributes: AdmissionAttributes,
  invoked: ResourceType,
  uid: string,
): Record<string, unknown> {
  const { type, user } = attributes;
  const userInfo: Record<string, unknown> = {};
  if (user.username) userInfo.username = user.username;
  if (user.uid) userInfo.uid = user.uid;
  if (user.groups.length) userInfo.groups = [...user.groups];
  if (Object.keys(user.extra).length) userInfo.extra = user.extra;
  const request: Record<string, unknown> = {
    uid,
    kind: { group: invoked.group, version: invoked.version, kind: invoked.kind },
    resource: { group: invoked.group, version: invoked.version, resource: invoked.resource },
  };
  if (attributes.subresource) request.subResource = attributes.subresource;
  request.requestKind = { group: type.group, version: type.version, kind: type.kind };
  request.requestResource = { group: type.group, version: type.version, resource: type.resource };
  if (attributes.subresource) request.requestSubResource = attributes.subresource;
  if (attributes.name) request.name = attributes.name;
  if (attributes.namespace) request.namespace = attributes.namespace;
  request.operation = attributes.operation;
  request.userInfo = userInfo;
  request.object = attributes.object ?? null;
  request.oldObject = attributes.oldObject ?? null;
  request.dryRun = attributes.dryRun;
  request.options = attributes.options ?? null;
  return request;
}

/** The review to send, or undefined when the webhook accepts no version this server speaks. */
export function admissionReview(
  versions: readonly string[],
  attributes: AdmissionAttributes,
  invoked: ResourceType,
): { uid: string; version: ReviewVersion; body: Record<string, unknown> } | undefined {
  const version = versions.find((candidate): candidate is ReviewVersion =>
    (reviewVersions as readonly string[]).includes(candidate),
  );
  if (!version) return undefined;
  const uid = randomUUID();
  return {
    uid,
    version,
    body: {
      kind: "AdmissionReview",
      apiVersion: `admission.k8s.io/${version}`,
      request: admissionRequest(attributes, invoked, uid),
    },
  };
}

/** What a verified response says. */
export interface AdmissionResponse {
  readonly allowed: boolean;
  /** The JSONPatch operations, already base64-decoded; undefined when there is no patch. */
  readonly patch: Buffer | undefined;
  readonly patchType: string;
  readonly result: Partial<StatusBody> | undefined;
  readonly warnings: readonly string[];
}

/** A response that cannot be believed; the message is what kube-apiserver reports. */
export class InvalidResponseError extends Error {}

interface RawResponse {
  uid?: unknown;
  allowed?: unknown;
  patch?: unknown;
  patchType?: unknown;
  status?: unknown;
  warnings?: unknown;
}

function decodePatch(patch: unknown): Buffer | undefined {
  if (patch === undefined || patch === null || patch === "") return undefined;
  if (typeof patch !== "string") throw new InvalidResponseError("json: cannot unmarshal patch: not a base64 string");
  return Buffer.from(patch, "base64");
}

/** VerifyAdmissionResponse for the review version that was sent. */
export function verifyAdmissionResponse(
  sent: { uid: string; version: ReviewVersion },
  review: unknown,
  mutating: boolean,
): AdmissionResponse {
  const body = (review && typeof review === "object" ? review : {}) as Record<string, unknown>;
  const response = body.response as RawResponse | undefined | null;
  if (!response || typeof response !== "object") throw new InvalidResponseError("webhook response was absent");
  const patch = decodePatch(response.patch);
  const hasPatchType = response.patchType !== undefined && response.patchType !== null;
  let patchType = "";
  if (sent.version === "v1") {
    if (response.uid !== sent.uid)
      throw new InvalidResponseError(`expected response.uid="${sent.uid}", got "${String(response.uid ?? "")}"`);
    const gvk = `${String(body.apiVersion ?? "")}, Kind=${String(body.kind ?? "")}`;
    if (body.apiVersion !== "admission.k8s.io/v1" || body.kind !== "AdmissionReview")
      throw new InvalidResponseError(
        `expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got ${gvk.replace(/^\//, "")}`,
      );
    if (mutating) {
      if (patch?.length && !hasPatchType)
        throw new InvalidResponseError("webhook returned response.patch but not response.patchType");
      if (!patch?.length && hasPatchType)
        throw new InvalidResponseError("webhook returned response.patchType but not response.patch");
      if (hasPatchType) {
        patchType = String(response.patchType);
        if (!patchType) throw new InvalidResponseError(`webhook returned invalid response.patchType of ""`);
      }
    } else {
      if (patch?.length) throw new InvalidResponseError("validating webhook may not return response.patch");
      if (hasPatchType) throw new InvalidResponseError("validating webhook may not return response.patchType");
    }
  } else if (mutating && patch?.length) patchType = "JSONPatch";
  return {
    allowed: response.allowed === true,
    patch: mutating ? patch : undefined,
    patchType,
    result:
      response.status && typeof response.status === "object" ? (response.status as Partial<StatusBody>) : undefined,
    warnings: Array.isArray(response.warnings) ? response.warnings.map(String) : [],
  };
}
