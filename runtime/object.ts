/**
 * The object shape the runtime works with: anything with `apiVersion`, `kind` and `metadata`.
 * The meta types are `runtime/apis`' Go-style definitions.
 */

import type { ObjectMeta, OwnerReference } from "./apis/index.js";

export type { ObjectMeta, OwnerReference };

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
