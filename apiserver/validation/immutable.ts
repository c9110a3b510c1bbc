/**
 * apiequality.Semantic.DeepEqual and ValidateImmutableField: a field that may not change after
 * create is compared as Go compares the decoded structs, where an absent, null or empty list or
 * map are the same value.
 */
import { fieldErrors, type FieldError } from "../errors/status.js";

function isEmptyCollection(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** Whether two decoded values are equal as Semantic.DeepEqual finds them. */
export function semanticallyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmptyCollection(a) && isEmptyCollection(b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => semanticallyEqual(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    // An absent field and a null one are both Go's nil; an empty string is not.
    const l = left[key] ?? undefined;
    const r = right[key] ?? undefined;
    if (l === undefined && r === undefined) continue;
    if (!semanticallyEqual(l, r)) return false;
  }
  return true;
}

/**
 * ValidateImmutableField: "field is immutable" with the new value, rendered by `render` where Go
 * marshals a struct in its own field order.
 */
export function validateImmutableField(
  value: unknown,
  old: unknown,
  path: string,
  render?: (value: unknown) => string,
): FieldError[] {
  if (semanticallyEqual(value, old)) return [];
  return [
    render
      ? fieldErrors.invalidRendered(path, render(value), "field is immutable")
      : fieldErrors.invalid(path, value ?? null, "field is immutable"),
  ];
}
