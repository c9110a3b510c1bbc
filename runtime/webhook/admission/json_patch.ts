/**
 * The JSON patch from one document to another, with gomodules.xyz/jsonpatch's `CreatePatch`
 * semantics, the library controller-runtime's `PatchResponseFromRaw` calls: objects are diffed key
 * by key (`add` for new keys, `remove` for gone ones), a value whose JSON type changed is
 * `replace`d whole, and arrays are compared by index (removals of the tail from its end first,
 * then additions past the common length, then the common items recursively).
 *
 * Why not fast-json-patch's `compare` (already installed): it walks the old document's keys from
 * the last to the first and treats arrays as objects keyed by index, so the same change gives
 * another patch (other operations, another order). A webhook's patch is what the API server
 * applies and what audit logs show, so it should be the one controller-runtime sends for the same
 * change; the algorithm is forty lines.
 */
import type { JsonPatchOperation } from "./review.js";

type JsonType = "null" | "array" | "object" | "string" | "number" | "boolean";

function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function pointer(path: string, part: string | number): string {
  return `${path}/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** The operations that turn `from` into `to` (both decoded JSON values). */
export function createJsonPatch(from: unknown, to: unknown): JsonPatchOperation[] {
  const patch: JsonPatchOperation[] = [];
  diffValues(from, to, "", patch);
  return patch;
}

function diffValues(from: unknown, to: unknown, path: string, patch: JsonPatchOperation[]): void {
  const fromType = jsonType(from);
  const toType = jsonType(to);
  if (fromType === "null" && toType === "null") return;
  if (fromType !== toType) {
    patch.push({ op: "replace", path, value: to ?? null });
    return;
  }
  if (fromType === "object") {
    diffObjects(from as Record<string, unknown>, to as Record<string, unknown>, path, patch);
  } else if (fromType === "array") {
    diffArrays(from as unknown[], to as unknown[], path, patch);
  } else if (from !== to) {
    patch.push({ op: "replace", path, value: to });
  }
}

function diffObjects(
  from: Record<string, unknown>,
  to: Record<string, unknown>,
  path: string,
  patch: JsonPatchOperation[],
): void {
  for (const [key, value] of Object.entries(to)) {
    const childPath = pointer(path, key);
    if (!Object.hasOwn(from, key)) patch.push({ op: "add", path: childPath, value: value ?? null });
    else diffValues(from[key], value, childPath, patch);
  }
  for (const key of Object.keys(from)) {
    if (!Object.hasOwn(to, key)) patch.push({ op: "remove", path: pointer(path, key) });
  }
}

function diffArrays(from: unknown[], to: unknown[], path: string, patch: JsonPatchOperation[]): void {
  const common = Math.min(from.length, to.length);
  for (let index = from.length - 1; index >= common; index--) patch.push({ op: "remove", path: pointer(path, index) });
  for (let index = common; index < to.length; index++) {
    patch.push({ op: "add", path: pointer(path, index), value: to[index] ?? null });
  }
  for (let index = 0; index < common; index++) diffValues(from[index], to[index], pointer(path, index), patch);
}
