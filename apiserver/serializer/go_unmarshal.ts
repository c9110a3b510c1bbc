/**
 * The type checks of kube-apiserver's JSON decoder (sigs.k8s.io/json, encoding/json's fork) when
 * it decodes a built-in kind's body into its Go struct: a value of the wrong JSON type is an
 * UnmarshalTypeError named by the innermost struct and the JSON path of fields leading to it
 * (`Go struct field OwnerReference.metadata.ownerReferences.controller of type bool`); decoding goes
 * on and the first such error wins, as does invalid base64 in a []byte. A timestamp that does not
 * parse stops decoding at once (its UnmarshalJSON's error), and a valid one is normalized in place
 * to the UTC form it is stored in; so is a resource.Quantity, to the canonical form kube-apiserver
 * stores ("1000m" as "1", "0.5" as "500m"), after ParseQuantity's error has had its say.
 */
import { formatQuantity, parseQuantity, QuantityParseError } from "../../apimachinery/index.js";
import { goJsonTypeName } from "./go_json.js";
import { normalizeGoTime, type GoTimeLayout } from "./go_time.js";

/** The Go type a JSON value decodes into. */
export type GoType =
  | { kind: "string" | "bool" | "int32" | "int64" | "uint8" | "float64"; name?: string }
  /** resource.Quantity, whose UnmarshalJSON takes a string or a number. */
  | { kind: "quantity" }
  /** intstr.IntOrString: a string, or else an int32. */
  | { kind: "intOrString" }
  /** []byte, which JSON carries as base64. */
  | { kind: "bytes" }
  /** metav1.Time or metav1.MicroTime. */
  | { kind: "time"; name: string; layout: GoTimeLayout }
  /** A type whose UnmarshalJSON keeps any JSON (metav1.FieldsV1). */
  | { kind: "raw" }
  | { kind: "slice"; items: GoType }
  | { kind: "map"; values: GoType }
  /** `name` is the qualified type (`v1.ObjectReference`); `fields` by JSON name. */
  | { kind: "struct"; name: string; fields: Readonly<Record<string, GoType>> };

const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The offset base64.StdEncoding reports for `text` (padding required, line breaks skipped), or undefined when it decodes. */
export function goBase64ErrorOffset(text: string): number | undefined {
  const bytes = Buffer.from(text, "utf8");
  const isBreak = (index: number): boolean => bytes[index] === 0x0a || bytes[index] === 0x0d;
  let index = 0;
  while (index < bytes.length) {
    for (let seen = 0; seen < 4; seen += 1) {
      if (index === bytes.length) {
        if (seen === 0) return undefined;
        return index - seen;
      }
      const byte = bytes[index] ?? 0;
      index += 1;
      if (base64Alphabet.includes(String.fromCharCode(byte)) && byte < 0x80) continue;
      if (byte === 0x0a || byte === 0x0d) {
        seen -= 1;
        continue;
      }
      if (byte !== 0x3d || seen < 2) return index - 1;
      if (seen === 2) {
        // "==" is expected: the second '=' must follow, line breaks aside.
        while (index < bytes.length && isBreak(index)) index += 1;
        if (index === bytes.length) return bytes.length;
        if (bytes[index] !== 0x3d) return index - 1;
        index += 1;
      }
      while (index < bytes.length && isBreak(index)) index += 1;
      return index < bytes.length ? index : undefined;
    }
  }
  return undefined;
}

export type GoStruct = Extract<GoType, { kind: "struct" }>;

export function goTypeName(type: GoType): string {
  switch (type.kind) {
    case "bytes":
      return "[]uint8";
    case "slice":
      return `[]${goTypeName(type.items)}`;
    case "map":
      return `map[string]${goTypeName(type.values)}`;
    case "raw":
      return "v1.FieldsV1";
    case "time":
    case "struct":
      return type.name;
    case "quantity":
      return "resource.Quantity";
    case "intOrString":
      return "intstr.IntOrString";
    default:
      return type.name ?? type.kind;
  }
}

/** UnmarshalTypeError's text, with the innermost struct and the field path when there is one. */
function mismatchMessage(what: string, target: string, context: Context): string {
  return context.struct || context.path.length
    ? `json: cannot unmarshal ${what} into Go struct field ${context.struct}.${context.path.join(".")} of type ${target}`
    : `json: cannot unmarshal ${what} into Go value of type ${target}`;
}

/** An UnmarshalJSON error: decoding stops there. */
class Abort extends Error {}

interface Context {
  struct: string;
  path: readonly string[];
}

const intRanges = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint8: [0, 255],
} as const;

class Decoder {
  firstError: string | undefined;

  #mismatch(value: unknown, type: GoType, context: Context, what = goJsonTypeName(value)): void {
    this.firstError ??= mismatchMessage(what, goTypeName(type), context);
  }

  /** Checks `value` (held at `holder[key]`) against `type`, normalizing timestamps in place. */
  decode(holder: Record<string, unknown> | unknown[], key: string | number, type: GoType, context: Context): void {
    const value = (holder as Record<string | number, unknown>)[key];
    if (value === null) return;
    switch (type.kind) {
      case "raw":
        return;
      case "time": {
        // UnmarshalJSON decodes a string first, with the same decoder, whose error gets the field's context.
        if (typeof value !== "string") throw new Abort(mismatchMessage(goJsonTypeName(value), "string", context));
        try {
          (holder as Record<string | number, unknown>)[key] = normalizeGoTime(value, type.layout);
        } catch (error) {
          throw new Abort((error as Error).message);
        }
        return;
      }
      case "string":
        if (typeof value !== "string") this.#mismatch(value, type, context);
        return;
      case "float64":
        if (typeof value !== "number") this.#mismatch(value, type, context);
        return;
      case "quantity": {
        // UnmarshalJSON parses a string's content or the value's raw JSON text (ParseQuantity's
        // error stops decoding), and the quantity is stored in the form its String() writes.
        const text = typeof value === "string" ? value.trim() : JSON.stringify(value);
        try {
          (holder as Record<string | number, unknown>)[key] = formatQuantity(parseQuantity(text));
        } catch (error) {
          if (error instanceof QuantityParseError) throw new Abort(error.message);
          throw error;
        }
        return;
      }
      case "intOrString":
        // Not a string: decoded as the int32, whose error gets the field's context.
        if (typeof value === "string") return;
        if (typeof value !== "number") throw new Abort(mismatchMessage(goJsonTypeName(value), "int32", context));
        if (!Number.isInteger(value) || value < intRanges.int32[0] || value > intRanges.int32[1])
          throw new Abort(mismatchMessage(`number ${String(value)}`, "int32", context));
        return;
      case "bool":
        if (typeof value !== "boolean") this.#mismatch(value, type, context);
        return;
      case "int32":
      case "int64":
      case "uint8": {
        if (typeof value !== "number") return this.#mismatch(value, type, context);
        const [min, max] = intRanges[type.kind];
        if (!Number.isInteger(value) || value < min || value > max)
          this.#mismatch(value, type, context, `number ${String(value)}`);
        return;
      }
      case "bytes": {
        // The bytes are stored, and written back as canonical base64 (line breaks gone).
        const store = (bytes: Buffer): void => {
          (holder as Record<string | number, unknown>)[key] = bytes.toString("base64");
        };
        if (Array.isArray(value)) {
          const before = this.firstError;
          this.#decodeItems(value, { kind: "uint8" }, context);
          if (this.firstError === before) store(Buffer.from(value as number[]));
          return;
        }
        if (typeof value !== "string") return this.#mismatch(value, type, context);
        const offset = goBase64ErrorOffset(value);
        if (offset !== undefined) this.firstError ??= `illegal base64 data at input byte ${offset}`;
        else store(Buffer.from(value.replace(/[\r\n]/g, ""), "base64"));
        return;
      }
      case "slice":
        if (Array.isArray(value)) return this.#decodeItems(value, type.items, context);
        return this.#mismatch(value, type, context);
      case "map":
        if (typeof value !== "object" || Array.isArray(value)) return this.#mismatch(value, type, context);
        for (const entry of Object.keys(value))
          this.decode(value as Record<string, unknown>, entry, type.values, context);
        return;
      case "struct": {
        if (typeof value !== "object" || Array.isArray(value)) return this.#mismatch(value, type, context);
        const struct = type.name.slice(type.name.lastIndexOf(".") + 1);
        // In body order, as the decoder reads it; fields the struct lacks are the strict decoder's business.
        for (const field of Object.keys(value)) {
          const fieldType = type.fields[field];
          if (fieldType === undefined) continue;
          this.decode(value as Record<string, unknown>, field, fieldType, { struct, path: [...context.path, field] });
        }
      }
    }
  }

  #decodeItems(items: unknown[], type: GoType, context: Context): void {
    for (let index = 0; index < items.length; index += 1) this.decode(items, index, type, context);
  }
}

/**
 * The error kube-apiserver's decoder gives for `object` as the Go struct `type`, or undefined when
 * it decodes; timestamps in `object` are normalized to their stored form either way.
 */
export function goUnmarshalError(object: Record<string, unknown>, type: GoStruct): string | undefined {
  const decoder = new Decoder();
  try {
    decoder.decode({ object }, "object", type, { struct: "", path: [] });
  } catch (error) {
    if (error instanceof Abort) return error.message;
    throw error;
  }
  return decoder.firstError;
}
