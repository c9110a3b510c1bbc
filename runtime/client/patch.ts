import type { KubernetesObject } from "../object.js";

/**
 * Patches for `client.patch(obj, patch)`: each says its content type and computes its body from
 * the object being patched, as controller-runtime's `client.Patch` does.
 */

/** The patch kinds the API server accepts. */
export type PatchType = "merge" | "json" | "strategic" | "apply";

/** A patch: its type and the body to send for a given object. */
export interface Patch {
  readonly type: PatchType;
  data(obj: KubernetesObject): unknown;
}

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  value?: unknown;
  from?: string;
}

/** The HTTP content type of each patch type. */
export const PATCH_CONTENT_TYPES: Readonly<Record<PatchType, string>> = {
  merge: "application/merge-patch+json",
  json: "application/json-patch+json",
  strategic: "application/strategic-merge-patch+json",
  apply: "application/apply-patch+yaml",
};

/** An RFC 7386 JSON merge patch with a fixed body. */
export function mergePatch(data: unknown): Patch {
  return { type: "merge", data: () => data };
}

/** An RFC 6902 JSON patch. */
export function jsonPatch(operations: JsonPatchOperation[]): Patch {
  return { type: "json", data: () => operations };
}

/** A strategic merge patch (built-in kinds only; custom resources reject it). */
export function strategicMergePatch(data: unknown): Patch {
  return { type: "strategic", data: () => data };
}

/**
 * Server-side apply: the object itself is the applied configuration. Needs `fieldManager` in the
 * patch options; `force` takes over fields other managers own.
 */
export const applyPatch: Patch = {
  type: "apply",
  data: (obj) => {
    const { metadata, ...rest } = obj;
    // managedFields and resourceVersion are not part of an applied configuration.
    const { managedFields: _managed, resourceVersion: _rv, ...appliedMetadata } = metadata ?? {};
    return { ...rest, metadata: appliedMetadata };
  },
};

/** Options of {@link mergeFrom}. */
export interface MergeFromOptions {
  /** Include the original's resourceVersion, so the patch fails with a conflict if the object moved. */
  optimisticLock?: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether two JSON values are equal. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const aKeys = Object.keys(a).filter((key) => a[key] !== undefined);
    const bKeys = Object.keys(b).filter((key) => b[key] !== undefined);
    return aKeys.length === bKeys.length && aKeys.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** The RFC 7386 merge patch that turns `original` into `modified` (arrays are replaced whole). */
export function createMergePatch(original: unknown, modified: unknown): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const from = isPlainObject(original) ? original : {};
  const to = isPlainObject(modified) ? modified : {};
  for (const key of Object.keys(from)) {
    if (from[key] !== undefined && to[key] === undefined) patch[key] = null;
  }
  for (const [key, value] of Object.entries(to)) {
    if (value === undefined || deepEqual(from[key], value)) continue;
    patch[key] = isPlainObject(value) && isPlainObject(from[key]) ? createMergePatch(from[key], value) : value;
  }
  return patch;
}

/**
 * A merge patch holding the difference between `original` and the object passed to `patch()`:
 * copy the object, change the copy, then `client.patch(copy, mergeFrom(original))`.
 */
export function mergeFrom(original: KubernetesObject, options: MergeFromOptions = {}): Patch {
  const snapshot = structuredClone(original);
  return {
    type: "merge",
    data: (obj) => {
      const patch = createMergePatch(snapshot, obj);
      if (options.optimisticLock) {
        const metadata = isPlainObject(patch.metadata) ? patch.metadata : {};
        patch.metadata = { ...metadata, resourceVersion: snapshot.metadata?.resourceVersion };
      }
      return patch;
    },
  };
}
