/**
 * Test helpers for kind strategies: a write run through a strategy's hooks in the object
 * service's order, with each field error printed as kube-apiserver's message lists it.
 */
import type { KubeObject } from "../../../storage/types.js";
import type { ResourceStrategy, StoredObjects } from "../../resource_type.js";

/** A store view holding `objects` in every collection (the kinds under test read only their own). */
export function storedView(objects: readonly KubeObject[]): StoredObjects {
  return {
    get: (_collection, namespace, name) =>
      objects.find((o) => o.metadata.name === name && o.metadata.namespace === namespace),
    list: () => [...objects],
  };
}

export function object(apiVersion: string, kind: string, name: string, fields: Record<string, unknown>): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: "default" }, ...structuredClone(fields) };
}

/** Defaults, validation, then (if valid) PrepareForCreate; returns the errors as `field: detail`. */
export function createWith(strategy: ResourceStrategy, created: KubeObject, stored: KubeObject[] = []): string[] {
  strategy.normalize?.(created, { pruneUnknown: true });
  const errors = (strategy.validate?.(created, undefined) ?? []).map((e) => `${e.field}: ${e.detail}`);
  if (!errors.length) strategy.prepareForCreate?.(created, storedView(stored));
  return errors;
}

/** Defaults, PrepareForUpdate, then validation against the stored object. */
export function updateWith(strategy: ResourceStrategy, updated: KubeObject, old: KubeObject): string[] {
  strategy.normalize?.(updated, { pruneUnknown: true });
  strategy.prepareForUpdate?.(updated, old, "", storedView([old]));
  return (strategy.validate?.(updated, old) ?? []).map((e) => `${e.field}: ${e.detail}`);
}

/** The cells of a row, with the object created `ageSeconds` ago. */
export function cells(strategy: ResourceStrategy, printed: KubeObject, ageSeconds = 5): unknown[] {
  const now = new Date();
  printed.metadata.creationTimestamp = new Date(now.getTime() - ageSeconds * 1000).toISOString();
  return (strategy.columns ?? []).map((column) => column.cell(printed, now));
}
