/**
 * Values printed the way kube-apiserver's Go code prints them, so that messages built from
 * values (`Invalid value: ...`, `should be less than or equal to ...`) read the same.
 */

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e+06 (`1e+06`, `1.5e-05`). */
export function formatGoFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const [mantissa = "0", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  // fmt's %v uses %g with the shortest precision, which switches to %e when exp < -4 || exp >= 21 in
  // JavaScript but exp >= 6 in Go (the "precision 6 for this decision" rule).
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(value);
}

/** Go's `%v` of a JSON number: int64 values print as integers, float64 ones as {@link formatGoFloat}. */
export function formatGoNumber(value: number): string {
  return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? String(value) : formatGoFloat(value);
}

/** Go's %v of a decoded JSON value. */
export function formatGoValue(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatGoFloat(value);
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(" ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${key}:${formatGoValue((value as Record<string, unknown>)[key])}`);
    return `map[${entries.join(" ")}]`;
  }
  return value === null ? "<nil>" : String(value);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) result[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return result;
}

/**
 * Go's `json.Marshal`: map keys sorted, no spaces, and `<`, `>`, `&`, U+2028, U+2029 escaped as
 * `\u003c`... (encoding/json's HTML-safe default). Struct-like values keep their key order when
 * `keepOrder` is set (Go structs marshal in field order).
 */
export function goJsonMarshal(value: unknown, keepOrder = false): string {
  const text = JSON.stringify(keepOrder ? value : sortedKeys(value)) ?? "null";
  return text.replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
