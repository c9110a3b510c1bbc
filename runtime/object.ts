/**
 * The object shape the runtime works with: anything with `apiVersion`, `kind` and `metadata`.
 * The meta types are apimachinery/'s Go-style definitions, shared with the API server.
 */

import type { ObjectMeta, OwnerReference } from "../apimachinery/index.js";

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
