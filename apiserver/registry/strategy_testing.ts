/**
 * What the kinds' strategy tests share: the 422 message a write would get, and a Table row.
 * Used by unit tests only; expected texts in those tests are the reference kube-apiserver's.
 */
import { invalid } from "../errors/status.js";
import type { KubeObject } from "../storage/types.js";
import type { ResourceStrategy } from "./resource_type.js";

/**
 * Defaults `object` as a write does, then validates it (an update when `old` is given): the
 * message of the 422 kube-apiserver would answer, or "" when the object is valid.
 */
export function rejection(
  strategy: ResourceStrategy,
  kind: { group: string; kind: string },
  object: KubeObject,
  old?: KubeObject,
): string {
  strategy.normalize?.(object, { pruneUnknown: true });
  const errors = strategy.validate?.(object, old, { previous: [], subresource: "" }) ?? [];
  return errors.length ? invalid(kind, object.metadata.name ?? "", errors).message : "";
}

/** The Table row cells of `object` after its name, as of `now`. */
export function tableCells(strategy: ResourceStrategy, object: KubeObject, now: Date): unknown[] {
  return (strategy.columns ?? []).map((column) => column.cell(object, now));
}

/** The moment the tests' objects were created, and a Table's `now` that prints their age as "0s". */
export const createdAt = new Date("2026-01-01T00:00:00Z");

/** A cluster-scoped object of `apiVersion`'s `kind`, created at {@link createdAt}. */
export function clusterObject(
  apiVersion: string,
  kind: string,
  name: string,
  fields: Record<string, unknown>,
): KubeObject {
  return { apiVersion, kind, metadata: { name, creationTimestamp: createdAt.toISOString() }, ...fields };
}
