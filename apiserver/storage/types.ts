/** Shapes shared by the store, its log and its watchers. */

import type { ManagedFieldsEntry as MetaManagedFieldsEntry, ObjectMeta } from "../../apimachinery/index.js";

/** Any Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: StoredObjectMeta;
  [field: string]: unknown;
}

/** ObjectMeta as a request carries it: any other field a client sent stays until it is pruned or refused. */
export interface StoredObjectMeta extends ObjectMeta {
  managedFields?: ManagedFieldsEntry[];
  [field: string]: unknown;
}

/** A managedFields entry as the server writes it: the fields it always sets are required. */
export interface ManagedFieldsEntry extends MetaManagedFieldsEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  fieldsType: "FieldsV1";
  fieldsV1: Record<string, unknown>;
}

/** Names the collection an object lives in: a group and a resource (plural), whatever the version. */
export type CollectionKey = string;

export type StoreEventType = "ADDED" | "MODIFIED" | "DELETED";

/** One change, as kept in the watch history and sent to watchers. */
export interface StoreEvent {
  type: StoreEventType;
  collection: CollectionKey;
  /** The object after the change (for DELETED: the last state, with the deletion's resourceVersion). */
  object: KubeObject;
  /** The object before the change, for selector transitions. */
  previous: KubeObject | undefined;
  revision: number;
}
