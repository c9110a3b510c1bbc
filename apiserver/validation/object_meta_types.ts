/**
 * The JSON types of ObjectMeta's string fields, as decoding into metav1.ObjectMeta enforces them
 * before any validation runs: a null becomes the zero value (""), any other non-string is the
 * decoder's "cannot unmarshal" error. Without this, validation would meet values of types it never
 * expects (a finalizer that is a number) and fail the server instead of the request.
 */
import { goJsonTypeName } from "../serializer/go_json.js";
import type { KubeObject } from "../storage/types.js";

const stringFields = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"] as const;

/** Where a value of the wrong type sits, and the Go type it should have had. */
export interface ObjectMetaTypeError {
  field: string;
  jsonType: string;
  goType: string;
}

function describe(field: string, value: unknown, goType: string): ObjectMetaTypeError {
  return { field: `metadata.${field}`, jsonType: goJsonTypeName(value), goType };
}

/**
 * Normalizes nulls in ObjectMeta's strings, string lists and string maps to "" (as Go decodes
 * them) and returns the first value of another type, or undefined when there is none.
 */
export function coerceObjectMetaTypes(object: KubeObject): ObjectMetaTypeError | undefined {
  const meta = object.metadata as Record<string, unknown>;
  for (const field of stringFields) {
    const value = meta[field];
    if (value === null) Reflect.deleteProperty(meta, field);
    else if (value !== undefined && typeof value !== "string") return describe(field, value, "string");
  }
  const finalizers = meta.finalizers;
  if (finalizers !== undefined && finalizers !== null) {
    if (!Array.isArray(finalizers)) return describe("finalizers", finalizers, "[]string");
    for (const [index, value] of finalizers.entries()) {
      if (value === null) finalizers[index] = "";
      else if (typeof value !== "string") return describe("finalizers", value, "string");
    }
  }
  for (const field of ["labels", "annotations"] as const) {
    const map = meta[field];
    if (map === undefined || map === null) continue;
    if (typeof map !== "object" || Array.isArray(map)) return describe(field, map, "map[string]string");
    const entries = map as Record<string, unknown>;
    for (const [key, value] of Object.entries(entries)) {
      if (value === null) entries[key] = "";
      else if (typeof value !== "string") return describe(field, value, "string");
    }
  }
  return undefined;
}
