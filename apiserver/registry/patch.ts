/**
 * PATCH: JSON merge patch (RFC 7386), JSON patch (RFC 6902, through fast-json-patch), strategic
 * merge patch on built-in kinds, and server-side apply (`apply_patch.ts`). Each computes the new
 * object from the current one, then goes through the same update path as PUT.
 */
import fastJsonPatch from "fast-json-patch";
import { goJsonTypeName, parseGoJson } from "../serializer/go_json.js";
import { BodySyntaxError, parseDocument } from "../serializer/documents.js";
import { StatusError, badRequest, unsupportedMediaType } from "../errors/status.js";
import type { KubeObject } from "../storage/types.js";
import { applyMergePatch } from "../../apimachinery/index.js";
import { deepClone } from "./conversion.js";
import { goTypeOfKind, strategicMergeKeysOf } from "../catalog/catalog.js";
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

/** RFC 7386: objects merge, null deletes, anything else replaces (copied whatever its depth). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  return applyMergePatch(target, patch, deepClone);
}

/** The lists of `object`'s kind that merge by key, from its Go struct's patchStrategy and patchMergeKey tags. */
function mergeKeysOf(object: unknown): Record<string, string | null> {
  const { apiVersion, kind } = (object ?? {}) as { apiVersion?: unknown; kind?: unknown };
  const goType = goTypeOfKind(String(apiVersion), String(kind));
  return goType ? strategicMergeKeysOf(goType) : {};
}

/**
 * Strategic merge patch for the built-in kinds (maps merge; lists tagged patchStrategy=merge merge
 * by key, their items merged strategically too), with the keys of the target's Go struct.
 */
export function strategicMergePatch(
  target: unknown,
  patch: unknown,
  path = "",
  mergeKeys: Record<string, string | null> = mergeKeysOf(target),
): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return deepClone(patch);
  const patchMap = patch as Record<string, unknown>;
  if (patchMap.$patch === "replace") {
    const copy = { ...patchMap };
    delete copy.$patch;
    return copy;
  }
  if (patchMap.$patch === "delete") return undefined;
  const result: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patchMap)) {
    if (key.startsWith("$")) continue;
    if (key.startsWith("$setElementOrder/") || key.startsWith("$deleteFromPrimitiveList/") || key === "$retainKeys")
      continue;
    const childPath = path ? `${path}.${key}` : key;
    if (value === null) {
      delete result[key];
      continue;
    }
    if (Array.isArray(value) && childPath in mergeKeys) {
      result[key] = mergeList(result[key], value, mergeKeys[childPath] ?? null, (existing, item) =>
        strategicMergePatch(existing, item, childPath, mergeKeys),
      );
      continue;
    }
    const merged = strategicMergePatch(result[key], value, childPath, mergeKeys);
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

/**
 * Merges a list tagged patchStrategy=merge as strategicpatch's mergeSlice does: `$patch: delete`
 * items go, items with a key the server has merge into it, and the result is ordered as
 * normalizeElementOrder orders it: the patch's items in patch order and the server's other items
 * in server order, interleaved so that two items the server has keep its order and an item new
 * to the server goes before the server's next one.
 */
function mergeList(
  current: unknown,
  patch: unknown[],
  mergeKey: string | null,
  mergeItem: (existing: unknown, item: unknown) => unknown,
): unknown[] {
  const identity = (item: unknown): string =>
    JSON.stringify(mergeKey === null ? item : (item as Record<string, unknown> | null)?.[mergeKey]);
  const isDeletion = (item: unknown): boolean =>
    mergeKey !== null && (item as Record<string, unknown> | null)?.$patch === "delete";
  const deleted = new Set(patch.filter(isDeletion).map(identity));
  const original = (Array.isArray(current) ? current : []).filter((item) => !deleted.has(identity(item)));
  const serverOrder = new Map<string, number>();
  original.forEach((item, index) => {
    if (!serverOrder.has(identity(item))) serverOrder.set(identity(item), index);
  });
  const patchItems: unknown[] = [];
  const inPatch = new Set<string>();
  for (const item of patch) {
    if (isDeletion(item)) continue;
    const id = identity(item);
    if (inPatch.has(id)) {
      if (mergeKey === null) continue;
    } else inPatch.add(id);
    const existing = mergeKey === null ? undefined : original.find((candidate) => identity(candidate) === id);
    patchItems.push(existing === undefined ? item : mergeItem(existing, item));
  }
  const serverOnly = original.filter((item) => !inPatch.has(identity(item)));
  const merged: unknown[] = [];
  let left = 0;
  let right = 0;
  while (left < serverOnly.length || right < patchItems.length) {
    const leftIndex = serverOrder.get(identity(serverOnly[left]));
    const rightIndex = serverOrder.get(identity(patchItems[right]));
    const takeLeft =
      right >= patchItems.length ||
      (left < serverOnly.length && leftIndex !== undefined && rightIndex !== undefined && leftIndex < rightIndex);
    merged.push(takeLeft ? serverOnly[left++] : patchItems[right++]);
  }
  return merged;
}

/** The patch handler's body check, made before anything else: valid JSON, or valid YAML for apply. */
export function decodePatchBody(body: Buffer, kind: PatchKind): unknown {
  if (kind !== "apply") {
    const parsed = parseGoJson(body);
    if ("error" in parsed) throw badRequest("invalid JSON patch");
    return parsed.value;
  }
  try {
    return parseDocument(body, "application/yaml");
  } catch (error) {
    if (!(error instanceof BodySyntaxError)) throw error;
    // yaml.ToJSON passes a body that starts like JSON through untouched; the apply decoder then fails on it.
    const looksLikeJson = /^\s*\{/.test(body.toString("utf8"));
    throw badRequest(
      looksLikeJson
        ? `error decoding patch: error converting YAML to JSON: ${error.message}`
        : `error encoding patch: ${error.message}`,
    );
  }
}

/** A merge or strategic merge patch must decode into a map, as the handler's decoders require. */
export function requireMapPatch(
  kind: "merge" | "strategic",
  patch: unknown,
  strictDecoding: boolean,
): Record<string, unknown> {
  if (patch !== null && typeof patch === "object" && !Array.isArray(patch)) return patch as Record<string, unknown>;
  // `null` decodes into a nil map, which evanphx/json-patch's MergePatch refuses as a bad patch.
  if (patch === null && kind === "merge") throw badRequest("Invalid JSON Patch");
  const message = `json: cannot unmarshal ${goJsonTypeName(patch)} into Go value of type map[string]interface {}`;
  // The merge patch handler words its strict decoding failure; the strategic one passes the decoder's error on.
  throw badRequest(kind === "merge" && strictDecoding ? `error decoding patch: ${message}` : message);
}

/** Decodes an RFC 6902 patch as the handler does: strictly into its op structs, or as evanphx/json-patch operations. */
function decodeOperations(patch: unknown, strictDecoding: boolean): fastJsonPatch.Operation[] {
  const [listType, itemType] = strictDecoding
    ? ["[]handlers.jsonPatchOp", "handlers.jsonPatchOp"]
    : ["jsonpatch.Patch", "jsonpatch.Operation"];
  const fail = (message: string): never => {
    throw badRequest(strictDecoding ? `error decoding patch: ${message}` : message);
  };
  if (patch === null) return [];
  if (!Array.isArray(patch))
    return fail(`json: cannot unmarshal ${goJsonTypeName(patch)} into Go value of type ${listType}`);
  for (const operation of patch as unknown[]) {
    if (operation === null) continue;
    if (typeof operation !== "object" || Array.isArray(operation)) {
      fail(`json: cannot unmarshal ${goJsonTypeName(operation)} into Go value of type ${itemType}`);
    }
    if (!strictDecoding) continue;
    for (const field of ["op", "path", "from"]) {
      const value = (operation as Record<string, unknown>)[field];
      if (value !== undefined && value !== null && typeof value !== "string") {
        fail(
          `json: cannot unmarshal ${goJsonTypeName(value)} into Go struct field jsonPatchOp.${field} of type string`,
        );
      }
    }
  }
  return patch as fastJsonPatch.Operation[];
}

/**
 * Whether an operation works on the whole document, which evanphx/json-patch cannot (it finds the
 * parent of a path, and the root has none); only `test` compares the whole document.
 */
function addressesRoot(operation: fastJsonPatch.Operation): boolean {
  if (operation.op === "test") return false;
  return operation.path === "" || ((operation.op === "move" || operation.op === "copy") && operation.from === "");
}

/**
 * Applies an RFC 6902 patch as kube-apiserver's library (evanphx/json-patch v4) does, one operation
 * at a time. An operation that does not apply (a failed test, a missing path) is the generic 422 the
 * handler answers, without the library's reason.
 */
export function jsonPatch(target: KubeObject, patch: unknown, strictDecoding = true): KubeObject {
  const operations = decodeOperations(patch, strictDecoding);
  const rejected = (): StatusError =>
    new StatusError(422, "Invalid", "the server rejected our request due to an error in our request", {});
  let document: unknown = deepClone(target);
  for (const operation of operations) {
    if (operation === null || addressesRoot(operation)) throw rejected();
    const effective = asEvanphxApplies(document, operation);
    if (!effective) continue;
    if (fastJsonPatch.validate([effective], document)) throw rejected();
    try {
      document = fastJsonPatch.applyOperation(document, effective, false, true).newDocument;
    } catch {
      throw rejected();
    }
  }
  return document as KubeObject;
}

/**
 * The RFC 6902 operation that does what evanphx/json-patch v4 does with `operation`, or
 * `undefined` when it does nothing. That library reads an absent key of an object as null: `replace`
 * of it sets it, `copy` from it adds null, and `test` of it against null (or no value) passes.
 */
function asEvanphxApplies(document: unknown, operation: fastJsonPatch.Operation): fastJsonPatch.Operation | undefined {
  switch (operation.op) {
    case "replace":
      return isAbsentObjectKey(document, operation.path) ? { ...operation, op: "add" } : operation;
    case "copy":
      return isAbsentObjectKey(document, operation.from) ? { op: "add", path: operation.path, value: null } : operation;
    case "test":
      return isAbsentObjectKey(document, operation.path) && (operation.value ?? null) === null ? undefined : operation;
    default:
      return operation;
  }
}

/** Whether `pointer` names a key its parent object lacks (the parent exists and is not an array). */
function isAbsentObjectKey(document: unknown, pointer: unknown): boolean {
  if (typeof pointer !== "string" || !pointer.startsWith("/")) return false;
  const tokens = pointer
    .slice(1)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
  const key = tokens.pop() as string;
  let parent: unknown = document;
  for (const token of tokens) {
    if (parent === null || typeof parent !== "object") return false;
    if (!Object.hasOwn(parent, token)) return false;
    parent = (parent as Record<string, unknown>)[token];
  }
  return parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.hasOwn(parent, key);
}
