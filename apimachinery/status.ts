/**
 * The meta/v1 `Status` an API server answers failures (and some deletions) with, as
 * k8s.io/apimachinery/pkg/apis/meta/v1 declares it: the server builds it, the client reads it.
 */
import type { ListMeta } from "./meta.js";

/** One cause of a failure, as in `Status.details.causes[]` (metav1.StatusCause). */
export interface StatusCause {
  /** A machine-readable reason such as `FieldValueInvalid`. */
  reason?: string;
  message?: string;
  /** The field at fault, in the API's path syntax (`spec.replicas`, `metadata.labels[a]`). */
  field?: string;
}

/** `Status.details`: the object the failure is about, and its causes (metav1.StatusDetails). */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status. */
export interface Status {
  apiVersion?: string;
  kind?: string;
  metadata?: ListMeta;
  status?: "Success" | "Failure";
  message?: string;
  /** `NotFound`, `Conflict`, `AlreadyExists`, `Invalid`, ... (metav1.StatusReason). */
  reason?: string;
  details?: StatusDetails;
  code?: number;
}
