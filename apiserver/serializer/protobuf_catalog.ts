/**
 * Built-in objects decoded from protobuf by their Go types in the generated catalog
 * (apiserver/catalog/): each field's `protobuf:"..."` tag gives its number, the Go type how its
 * bytes read, and the JSON name and omitempty what encoding/json would write for the decoded Go
 * value, so the result is the object the server would have decoded from JSON.
 */
import { goTypeModel, parseTypeExpression } from "../catalog/catalog.js";
import type { GoFieldModel } from "../catalog/catalog_model.js";
import { badRequest } from "../errors/status.js";
import { protobufFields, type ProtobufField } from "./protobuf_reader.js";

/** Deeper than any built-in type nests (a JSONSchemaProps-like recursion is the only way past it). */
export const maxMessageDepth = 100;

const fieldsByType = new Map<string, Map<number, GoFieldModel>>();

function fieldsOf(typeKey: string): Map<number, GoFieldModel> {
  let fields = fieldsByType.get(typeKey);
  if (fields) return fields;
  fields = new Map();
  // Own fields, not jsonFields(): an embedded struct with a protobuf tag (Probe's ProbeHandler) is
  // a message of its own whose fields JSON inlines; one without (TypeMeta) is not in the message.
  for (const field of goTypeModel(typeKey)?.fields ?? []) {
    const number = Number(field.protobuf?.split(",")[1]);
    if (Number.isInteger(number)) fields.set(number, field);
  }
  fieldsByType.set(typeKey, fields);
  return fields;
}

function first(fields: readonly ProtobufField[], number: number): ProtobufField | undefined {
  return fields.find((field) => field.number === number);
}

function bytesOf(field: ProtobufField | undefined): Buffer {
  return field?.value instanceof Buffer ? field.value : Buffer.alloc(0);
}

function integerOf(field: ProtobufField | undefined): bigint {
  return typeof field?.value === "bigint" ? field.value : 0n;
}

/** metav1.Time's Unmarshal: no bytes is the zero time, which JSON writes as null. */
function timeOf(bytes: Buffer, micro: boolean): string | null {
  if (!bytes.length) return null;
  const fields = protobufFields(bytes);
  const seconds = BigInt.asIntN(64, integerOf(first(fields, 1)));
  const nanos = Number(BigInt.asIntN(32, integerOf(first(fields, 2))));
  const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, "0")}Z` : `${iso}Z`;
}

/** Go's time.Duration.String(). */
function durationString(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return "0s";
  const sign = nanoseconds < 0n ? "-" : "";
  let rest = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  if (rest < 1_000_000_000n) {
    const [unit, scale] = rest < 1000n ? ["ns", 1n] : rest < 1_000_000n ? ["µs", 1000n] : ["ms", 1_000_000n];
    return `${sign}${fraction(rest, scale)}${unit}`;
  }
  const hours = rest / 3_600_000_000_000n;
  rest -= hours * 3_600_000_000_000n;
  const minutes = rest / 60_000_000_000n;
  rest -= minutes * 60_000_000_000n;
  const seconds = `${fraction(rest, 1_000_000_000n)}s`;
  if (hours) return `${sign}${hours}h${minutes}m${seconds}`;
  return minutes ? `${sign}${minutes}m${seconds}` : `${sign}${seconds}`;
}

function fraction(value: bigint, scale: bigint): string {
  const whole = value / scale;
  const part = value % scale;
  if (!part) return String(whole);
  return `${whole}.${String(part)
    .padStart(String(scale).length - 1, "0")
    .replace(/0+$/, "")}`;
}

function rawJson(bytes: Buffer): unknown {
  const raw = bytesOf(first(protobufFields(bytes), 1));
  if (!raw.length) return null;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("invalid character in raw JSON of a protobuf message");
  }
}

/** A scalar or message value of Go type `type` from one field's wire value. */
function decodeValue(type: string, value: bigint | Buffer, depth: number): unknown {
  const expression = parseTypeExpression(type);
  if (expression.form === "pointer") return decodeValue(expression.element, value, depth);
  if (expression.form !== "named") throw new Error(`protobuf: ${type} is not a single value`);
  const bytes = value instanceof Buffer ? value : Buffer.alloc(0);
  const integer = typeof value === "bigint" ? value : 0n;
  switch (type) {
    case "string":
    case "types.UID":
    case "types.NodeName":
      return bytes.toString("utf8");
    case "bool":
      return integer !== 0n;
    case "int32":
      return Number(BigInt.asIntN(32, integer));
    case "int64":
    case "int":
      return Number(BigInt.asIntN(64, integer));
    case "uint32":
    case "uint64":
    case "byte":
      return Number(integer);
    case "float64":
    case "float32":
      return bytes.length === 8 ? bytes.readDoubleLE(0) : 0;
    case "v1.Time":
      return timeOf(bytes, false);
    case "v1.MicroTime":
      return timeOf(bytes, true);
    case "v1.Duration":
      return durationString(BigInt.asIntN(64, integerOf(first(protobufFields(bytes), 1))));
    case "resource.Quantity":
      return bytesOf(first(protobufFields(bytes), 1)).toString("utf8");
    case "intstr.IntOrString": {
      const fields = protobufFields(bytes);
      return integerOf(first(fields, 1)) === 1n
        ? bytesOf(first(fields, 3)).toString("utf8")
        : Number(BigInt.asIntN(32, integerOf(first(fields, 2))));
    }
    case "runtime.RawExtension":
    case "v1.FieldsV1":
    case "v1.JSON":
      return rawJson(bytes);
  }
  const model = goTypeModel(type);
  if (!model) throw badRequest(`protobuf: no decoder for Go type ${type}`);
  if (model.underlying !== undefined) return decodeValue(model.underlying, value, depth);
  return decodeCatalogMessage(bytes, type, depth + 1);
}

/**
 * Whether encoding/json leaves a decoded value out: omitempty of an empty basic value (never of a
 * struct), omitzero of a zero value (the zero time, an empty struct).
 */
function omitted(field: GoFieldModel, value: unknown): boolean {
  if (field.type.startsWith("*")) return false;
  const empty = value === "" || value === 0 || value === false;
  if (field.omitzero) return empty || value === null || (isEmptyObject(value) && !field.type.startsWith("map["));
  return Boolean(field.omitempty) && empty;
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** A named type whose underlying type is a slice or map (`ResourceList`), as that slice or map. */
export function collectionType(type: string): string {
  const expression = parseTypeExpression(type);
  if (expression.form !== "named") return type;
  const underlying = goTypeModel(expression.name)?.underlying;
  return underlying !== undefined && /^(\[\]|map\[)/.test(underlying) ? collectionType(underlying) : type;
}

function decodeField(field: GoFieldModel, values: ProtobufField[], depth: number): unknown {
  const expression = parseTypeExpression(collectionType(field.type));
  if (expression.form === "slice") {
    if (expression.element === "byte") return bytesOf(values.at(-1)).toString("base64");
    const items: unknown[] = [];
    for (const { value } of values) {
      // Packed repeated scalars: one length-delimited run of varints.
      if (value instanceof Buffer && /^(u?int(32|64)?|bool)$/.test(expression.element)) {
        for (const packed of protobufFields(value, { packedVarints: true }))
          items.push(decodeValue(expression.element, packed.value, depth));
      } else items.push(decodeValue(expression.element, value, depth));
    }
    return items;
  }
  if (expression.form === "map") {
    const map: Record<string, unknown> = {};
    for (const { value } of values) {
      const entry = protobufFields(value instanceof Buffer ? value : Buffer.alloc(0));
      const key = bytesOf(first(entry, 1)).toString("utf8");
      const item = first(entry, 2);
      map[key] =
        expression.element === "[]byte"
          ? bytesOf(item).toString("base64")
          : item
            ? decodeValue(expression.element, item.value, depth)
            : decodeValue(expression.element, Buffer.alloc(0), depth);
    }
    return map;
  }
  return decodeValue(field.type, (values.at(-1) as ProtobufField).value, depth);
}

/** One message of the catalog's Go struct `typeKey`, as the JSON object Go would write for it. */
export function decodeCatalogMessage(bytes: Buffer, typeKey: string, depth = 0): Record<string, unknown> {
  if (depth > maxMessageDepth) throw badRequest("protobuf: message nested too deeply");
  const fields = fieldsOf(typeKey);
  const byNumber = new Map<number, ProtobufField[]>();
  for (const field of protobufFields(bytes)) {
    if (!fields.has(field.number)) continue;
    let values = byNumber.get(field.number);
    if (!values) byNumber.set(field.number, (values = []));
    values.push(field);
  }
  const result: Record<string, unknown> = {};
  // The struct's field order, as encoding/json writes it.
  for (const [number, field] of fields) {
    const values = byNumber.get(number);
    if (!values) continue;
    const value = decodeField(field, values, depth);
    if (field.inline && value !== null && typeof value === "object") Object.assign(result, value);
    else if (!omitted(field, value)) result[field.json] = value;
  }
  return result;
}
