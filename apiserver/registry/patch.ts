/**
 * PATCH: JSON merge patch (RFC 7386), JSON patch (RFC 6902, through fast-json-patch), strategic
 * merge patch on built-in kinds, and server-side apply (`apply_patch.ts`). Each computes the new
 * object from the current one, then goes through the same update path as PUT.
 */
import fastJsonPatch from "fast-json-patch";
import { StatusError, badRequest, unsupportedMediaType } from "../http/status.js";
import type { KubeObject } from "../storage/types.js";
import { deepClone } from "./conversion.js";
import type { ResourceType } from "./resource_type.js";

export const patchMediaTypes = {
  json: "application/json-patch+json",
  merge: "application/merge-patch+json",
  strategic: "application/strategic-merge-patch+json",
  apply: "application/apply-patch+yaml",
  applyCbor: "application/apply-patch+cbor",
} as const;

export type PatchKind = "json" | "merge" | "strategic" | "apply";

/** The patch kind of a Content-Type, or the 415 the real server gives for this resource. */
export function patchKindOf(type: ResourceType, mediaType: string): PatchKind {
  const accepted = type.strategicMerge
    ? [patchMediaTypes.json, patchMediaTypes.merge, patchMediaTypes.strategic, patchMediaTypes.apply]
    : [patchMediaTypes.json, patchMediaTypes.merge, patchMediaTypes.apply];
  switch (mediaType) {
    case patchMediaTypes.json:
      return "json";
    case patchMediaTypes.merge:
      return "merge";
    case patchMediaTypes.strategic:
      if (type.strategicMerge) return "strategic";
      break;
    case patchMediaTypes.apply:
      return "apply";
  }
  throw unsupportedMediaType(mediaType, accepted);
}

/** RFC 7386: objects merge, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return deepClone(patch);
  const result: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** Fields of built-in kinds whose lists merge by key (patchStrategy=merge) rather than replace. */
const listMergeKeys: Record<string, string | null> = {
  "metadata.finalizers": null,
  "metadata.ownerReferences": "uid",
};

/** Strategic merge patch for the built-in kinds served here (maps merge; a few metadata lists merge by key). */
export function strategicMergePatch(target: unknown, patch: unknown, path = ""): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return deepClone(patch);
  const patchMap = patch as Record<string, unknown>;
  if (patchMap.$patch === "replace") {
    const copy = { ...patchMap };
    delete copy.$patch;
    return copy;
  }
  if (patchMap.$patch === "delete") return undefined;
  const result: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patchMap)) {
    if (key.startsWith("$")) continue;
    if (key.startsWith("$setElementOrder/") || key.startsWith("$deleteFromPrimitiveList/") || key === "$retainKeys") continue;
    const childPath = path ? `${path}.${key}` : key;
    if (value === null) {
      delete result[key];
      continue;
    }
    if (Array.isArray(value) && childPath in listMergeKeys) {
      result[key] = mergeList(result[key], value, listMergeKeys[childPath] ?? null);
      continue;
    }
    const merged = strategicMergePatch(result[key], value, childPath);
    if (merged === undefined) delete result[key];
    else result[key] = merged;
  }
  for (const [key, value] of Object.entries(patchMap)) {
    if (!key.startsWith("$deleteFromPrimitiveList/") || !Array.isArray(value)) continue;
    const field = key.slice("$deleteFromPrimitiveList/".length);
    const current = result[field];
    if (Array.isArray(current)) result[field] = current.filter((item) => !value.includes(item));
  }
  return result;
}

function mergeList(current: unknown, patch: unknown[], mergeKey: string | null): unknown[] {
  const base = Array.isArray(current) ? [...current] : [];
  if (mergeKey === null) {
    for (const item of patch) if (!base.includes(item)) base.push(item);
    return base;
  }
  for (const item of patch) {
    const record = item as Record<string, unknown>;
    const index = base.findIndex((existing) => (existing as Record<string, unknown>)[mergeKey] === record[mergeKey]);
    if (record.$patch === "delete") {
      if (index >= 0) base.splice(index, 1);
    } else if (index >= 0) base[index] = mergePatch(base[index], record);
    else base.push(record);
  }
  return base;
}

/** Applies an RFC 6902 patch; a failed operation or test is the 422 the real server answers. */
export function jsonPatch(target: KubeObject, patch: unknown): KubeObject {
  if (!Array.isArray(patch)) throw badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  const error = fastJsonPatch.validate(patch as fastJsonPatch.Operation[], target);
  if (error && error.name !== "TEST_OPERATION_FAILED") throw new StatusError(422, "Invalid", jsonPatchMessage(error), {});
  try {
    return fastJsonPatch.applyPatch(deepClone(target), patch as fastJsonPatch.Operation[], true, false).newDocument;
  } catch (caught) {
    throw new StatusError(422, "Invalid", jsonPatchMessage(caught as Error), {});
  }
}

function jsonPatchMessage(error: Error): string {
  if (error.name === "TEST_OPERATION_FAILED") return "the server rejected our request due to an error in our request";
  return error.message.split("\n")[0] ?? "invalid JSON patch";
}
