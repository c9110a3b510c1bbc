/**
 * Built-in objects encoded to protobuf by their Go types in the generated catalog, the inverse of
 * protobuf_catalog.ts: the JSON object is read as the Go value encoding/json would decode, and
 * written as gogo-protobuf's generated Marshal writes that value. Fields go in field-number order;
 * non-pointer scalars and structs are always written (an empty string, a zero, an empty message),
 * pointers and []byte only when set, slices element by element (proto2: never packed), and map
 * entries sorted by key.
 */
import { goTypeModel, parseTypeExpression } from "../catalog/catalog.js";
import type { GoFieldModel } from "../catalog/catalog_model.js";
import { collectionType, maxMessageDepth } from "./protobuf_catalog.js";
import { ProtobufWriter } from "./protobuf_writer.js";

const fieldsByType = new Map<string, { number: number; field: GoFieldModel }[]>();

/** A struct's message fields by field number; embedded structs without a protobuf tag (TypeMeta) are not in it. */
function messageFields(typeKey: string): { number: number; field: GoFieldModel }[] {
  let fields = fieldsByType.get(typeKey);
  if (fields) return fields;
  const model = goTypeModel(typeKey);
  if (!model?.fields) throw new Error(`protobuf: ${typeKey} is not a struct of the catalog`);
  fields = model.fields
    .map((field) => ({ number: Number(field.protobuf?.split(",")[1]), field }))
    .filter(({ number }) => Number.isInteger(number))
    .sort((a, b) => a.number - b.number);
  fieldsByType.set(typeKey, fields);
  return fields;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Buffer);
}

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** A Go integer as the 64-bit two's complement varint gogo writes (negative int32s sign-extended). */
function integer(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  return typeof value === "number" && Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
}

/** metav1.Time and MicroTime: Timestamp { seconds = 1, nanos = 2 }, no bytes for the zero time. */
function timestamp(value: unknown): Buffer {
  if (typeof value !== "string") return Buffer.alloc(0);
  const parts = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(value);
  const milliseconds = parts ? Date.parse(`${parts[1]}${parts[3]}`) : Number.NaN;
  if (!parts || Number.isNaN(milliseconds))
    throw new Error(`protobuf: ${JSON.stringify(value)} is not an RFC 3339 time`);
  const nanos = Number((parts[2] ?? "").padEnd(9, "0"));
  return new ProtobufWriter()
    .varint(1, BigInt.asUintN(64, BigInt(milliseconds / 1000)))
    .varint(2, nanos)
    .finish();
}

/** RawExtension, FieldsV1 and JSON: { raw = 1 } with the value's JSON (or bytes already encoded), none for null. */
function rawMessage(value: unknown): Buffer {
  const writer = new ProtobufWriter();
  if (value instanceof Buffer) writer.bytes(1, value);
  else if (!absent(value)) writer.string(1, JSON.stringify(value));
  return writer.finish();
}

function intOrString(value: unknown): Buffer {
  const writer = new ProtobufWriter();
  if (typeof value === "string") return writer.varint(1, 1).varint(2, 0).string(3, value).finish();
  return writer
    .varint(1, 0)
    .varint(2, BigInt.asUintN(64, integer(value)))
    .string(3, "")
    .finish();
}

/** One value of a named (non-pointer, non-collection) Go type as field `number`. */
function writeSingle(writer: ProtobufWriter, number: number, type: string, value: unknown, depth: number): void {
  if (parseTypeExpression(type).form !== "named") return writeField(writer, number, type, value, depth);
  switch (type) {
    case "string":
    case "types.UID":
    case "types.NodeName":
      return void writer.string(number, typeof value === "string" ? value : "");
    case "bool":
      return void writer.varint(number, value === true);
    case "int32":
    case "int64":
    case "int":
    case "uint32":
    case "uint64":
    case "byte":
      return void writer.varint(number, BigInt.asUintN(64, integer(value)));
    case "float64":
      return void writer.double(number, typeof value === "number" ? value : 0);
    case "v1.Time":
    case "v1.MicroTime":
      return void writer.bytes(number, timestamp(value));
    case "resource.Quantity":
      // Quantity's custom Marshal: its canonical string, "0" for the zero Quantity.
      return void writer.bytes(
        number,
        new ProtobufWriter().string(1, typeof value === "string" ? value : "0").finish(),
      );
    case "intstr.IntOrString":
      return void writer.bytes(number, intOrString(value));
    case "runtime.RawExtension":
    case "v1.FieldsV1":
    case "v1.JSON":
      return void writer.bytes(number, rawMessage(value));
  }
  const model = goTypeModel(type);
  if (!model) throw new Error(`protobuf: no encoder for Go type ${type}`);
  if (model.underlying === undefined)
    return void writer.bytes(number, encodeCatalogMessage(isObject(value) ? value : {}, type, depth + 1));
  // A named slice as a map value or list item (authentication's ExtraValue) is a message of its items.
  if (/^\[\](?!byte$)/.test(model.underlying)) {
    const items = new ProtobufWriter();
    writeField(items, 1, model.underlying, value, depth + 1);
    return void writer.bytes(number, items.finish());
  }
  writeSingle(writer, number, model.underlying, value, depth);
}

/** Map keys as Go's generated Marshal sorts them (sort.Strings: byte order of the UTF-8). */
function sortedEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** A struct field of Go type `type`: pointers when set, collections item by item, the rest always. */
function writeField(writer: ProtobufWriter, number: number, type: string, value: unknown, depth: number): void {
  const expression = parseTypeExpression(collectionType(type));
  if (expression.form === "pointer") {
    if (!absent(value)) writeSingle(writer, number, expression.element, value, depth);
  } else if (expression.form === "slice") {
    if (expression.element === "byte") {
      if (typeof value === "string") writer.bytes(number, Buffer.from(value, "base64"));
      return;
    }
    for (const item of Array.isArray(value) ? value : []) writeSingle(writer, number, expression.element, item, depth);
  } else if (expression.form === "map") {
    for (const [key, item] of isObject(value) ? sortedEntries(value) : []) {
      const entry = new ProtobufWriter().string(1, key);
      if (expression.element === "[]byte") {
        if (typeof item === "string") entry.bytes(2, Buffer.from(item, "base64"));
      } else writeSingle(entry, 2, expression.element, item, depth);
      writer.bytes(number, entry.finish());
    }
  } else writeSingle(writer, number, type, value, depth);
}

/** The message of the catalog's Go struct `typeKey` for `object`, a JSON object of that type. */
export function encodeCatalogMessage(object: Record<string, unknown>, typeKey: string, depth = 0): Buffer {
  if (depth > maxMessageDepth) throw new Error(`protobuf: ${typeKey} nested too deeply to encode`);
  const writer = new ProtobufWriter();
  for (const { number, field } of messageFields(typeKey)) {
    // An embedded struct with a tag (Probe's ProbeHandler) is a message whose fields JSON inlines.
    const value = field.inline ? object : object[field.json];
    writeField(writer, number, field.type, value, depth);
  }
  return writer.finish();
}
