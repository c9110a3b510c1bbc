/**
 * uselessctl: what a reconciler author and an API type author need, in one import.
 *
 * API types (`runtime/apis/`): the scalars and metav1 types that `api/<version>/*_types.ts` use.
 */
// API types (crdgen's Go type aliases) — keep these lines together.
export type { int32, int64, float64, Quantity, IntOrString, Time, MicroTime, Duration, RawExtension, JSON } from "./apis/index.js";
export type { TypeMeta, ObjectMeta, ListMeta, OwnerReference, ManagedFieldsEntry, Condition, ConditionStatus } from "./apis/index.js";
