/**
 * The object shape the runtime works with: anything with `apiVersion`, `kind` and `metadata`.
 * The meta types here are the minimum the runtime reads; `runtime/apis` owns the full Go-style
 * definitions and these are structurally compatible with them.
 */

/** A reference to the object that owns this one (metadata.ownerReferences[]). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** The fields of metadata the runtime reads and writes. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
}

/** Any Kubernetes object: the runtime needs only these three fields. */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** A list as the API server returns it. */
export interface ObjectList<T> {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** `namespace/name`, or `name` for cluster-scoped objects: the key of stores and queues. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** The store key of an object. */
export function keyOf(obj: KubernetesObject): string {
  return objectKey(obj.metadata?.namespace, obj.metadata?.name ?? "");
}
