/**
 * What admission sees of one request (k8s.io/apiserver's admission.Attributes), and the two kinds
 * of admission step kube-apiserver runs: mutating ones (webhooks, in order; they may change the
 * object) before the kind's own validation, validating ones (webhooks in parallel, admission
 * policies) after it. Both run before anything is stored, so a denial changes nothing.
 */
import type { UserInfo } from "../auth/user.js";
import type { ResourceType } from "../registry/resource_type.js";
import type { KubeObject } from "../storage/types.js";

export type AdmissionOperation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

export interface AdmissionAttributes {
  readonly operation: AdmissionOperation;
  /** The served resource the request addressed (its group, version, kind and resource). */
  readonly type: ResourceType;
  /** "" for the main resource. */
  readonly subresource: string;
  readonly namespace: string | undefined;
  readonly name: string;
  /** The object being written, in the request's version; undefined for DELETE. */
  object: KubeObject | undefined;
  /** The stored object for UPDATE and DELETE, in the request's version. */
  readonly oldObject: KubeObject | undefined;
  /** The request's CreateOptions, UpdateOptions, PatchOptions or DeleteOptions, as an AdmissionReview carries them. */
  readonly options: Readonly<Record<string, unknown>> | undefined;
  readonly dryRun: boolean;
  readonly user: UserInfo;
}

/** What one admission step adds to the answer besides allowing it. */
export interface AdmissionOutcome {
  readonly warnings: readonly string[];
}

/**
 * A step that may change `attributes.object` (mutating webhooks). A denial or a failure is a
 * thrown StatusError with the Status kube-apiserver answers.
 */
export interface MutatingAdmission {
  admit(attributes: AdmissionAttributes): Promise<AdmissionOutcome>;
}

/** A step that only accepts or denies (validating webhooks, ValidatingAdmissionPolicy). */
export interface ValidatingAdmission {
  validate(attributes: AdmissionAttributes): Promise<AdmissionOutcome>;
}
