/**
 * Kubernetes API types for TypeScript kinds: the scalars TypeScript lacks (`int32`, `Quantity`,
 * `Time`…) and the metav1 building blocks (`ObjectMeta`, `Condition`…). Each carries the
 * controller-gen markers that give it the schema its Go counterpart has, so `crdgen` needs no
 * special cases for them.
 */
export type {
  int32,
  int64,
  float64,
  Quantity,
  Bytes,
  IntOrString,
  Time,
  MicroTime,
  Duration,
  RawExtension,
  JSON,
} from "./scalars.js";
export type {
  TypeMeta,
  ObjectMeta,
  ListMeta,
  OwnerReference,
  ManagedFieldsEntry,
  Condition,
  ConditionStatus,
} from "./meta.js";
