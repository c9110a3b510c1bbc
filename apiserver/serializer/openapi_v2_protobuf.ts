/**
 * /openapi/v2 as protobuf: the JSON document compiled into gnostic's OpenAPIv2 Document and
 * marshaled, as kube-openapi's handler does (`ToProtoBinary`). The message rules are in
 * openapi_v2_model.ts; YAML for `Any` values in yaml_node_emitter.ts.
 */
import { messages, vendorPattern, type FieldRule, type MessageRule } from "./openapi_v2_model.js";
import { ProtobufWriter } from "./protobuf_writer.js";
import { goYamlOfJson } from "./yaml_node_emitter.js";

/**
 * Why the compiler refuses a value as a message, which a oneof takes as "try the next": thrown
 * often, so without a stack trace (capturing one made encoding several times slower).
 */
class NotThisMessage extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function anyMessage(value: unknown): Buffer {
  return new ProtobufWriter().string(2, goYamlOfJson(value)).finish();
}

/** Scalars as StringForScalarNode reads them: strings, integers and null. */
function stringOf(value: unknown, key: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (value === null) return "";
  throw new NotThisMessage(`has unexpected value for ${key}`);
}

function writeField(writer: ProtobufWriter, key: string, rule: FieldRule, value: unknown): void {
  const { number, kind } = rule;
  switch (kind) {
    case "string": {
      const text = stringOf(value, key);
      if (rule.oneOf && !rule.oneOf.includes(text)) throw new NotThisMessage(`has unexpected value for ${key}`);
      if (text) writer.string(number, text);
      return;
    }
    case "bool":
      if (typeof value !== "boolean") throw new NotThisMessage(`has unexpected value for ${key}`);
      if (value) writer.varint(number, true);
      return;
    case "int64":
      if (typeof value !== "number" || !Number.isInteger(value))
        throw new NotThisMessage(`has unexpected value for ${key}`);
      if (value) writer.varint(number, BigInt(value));
      return;
    case "double":
      if (typeof value !== "number") throw new NotThisMessage(`has unexpected value for ${key}`);
      if (value) writer.double(number, value);
      return;
    case "strings":
      if (!Array.isArray(value)) throw new NotThisMessage(`has unexpected value for ${key}`);
      for (const item of value) {
        if (typeof item === "string" || (typeof item === "number" && Number.isInteger(item)) || item === null)
          writer.string(number, stringOf(item, key));
      }
      return;
    case "any":
      writer.bytes(number, anyMessage(value));
      return;
    case "anys":
      if (!Array.isArray(value)) throw new NotThisMessage(`has unexpected value for ${key}`);
      for (const item of value) writer.bytes(number, anyMessage(item));
      return;
    default:
      if ("message" in kind) writer.bytes(number, encodeMessage(kind.message, value));
      else {
        if (!Array.isArray(value)) throw new NotThisMessage(`has unexpected value for ${key}`);
        for (const item of value) writer.bytes(number, encodeMessage(kind.messages, item));
      }
  }
}

function named(name: string, value: Buffer): Buffer {
  const writer = new ProtobufWriter();
  if (name) writer.string(1, name);
  return writer.bytes(2, value).finish();
}

function encodeObject(rule: Extract<MessageRule, { form: "object" }>, value: unknown): Buffer {
  if (!isObject(value)) throw new NotThisMessage("has unexpected value");
  for (const key of rule.required ?? []) if (!(key in value)) throw new NotThisMessage(`is missing required ${key}`);
  const fields: [FieldRule, string, unknown][] = [];
  const extensions: [string, unknown][] = [];
  const patterned: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    const field = rule.fields[key];
    if (field) fields.push([field, key, item]);
    else if (rule.patterned?.pattern.test(key)) patterned.push([key, item]);
    else if (vendorPattern.test(key) && rule.vendorExtension) extensions.push([key, item]);
    else if (rule.closed) throw new NotThisMessage(`has invalid property: ${key}`);
  }
  // proto.Marshal writes fields by number; a message's repeated entries keep the JSON order.
  const entries: [number, (writer: ProtobufWriter) => void][] = fields.map(([field, key, item]) => [
    field.number,
    (writer) => writeField(writer, key, field, item),
  ]);
  if (rule.patterned) {
    const { number, value: message } = rule.patterned;
    entries.push([
      number,
      (writer) => patterned.forEach(([key, item]) => writer.bytes(number, named(key, encodeMessage(message, item)))),
    ]);
  }
  if (rule.vendorExtension) {
    const number = rule.vendorExtension;
    entries.push([
      number,
      (writer) => extensions.forEach(([key, item]) => writer.bytes(number, named(key, anyMessage(item)))),
    ]);
  }
  const writer = new ProtobufWriter();
  for (const [, write] of entries.sort((a, b) => a[0] - b[0])) write(writer);
  return writer.finish();
}

function mapEntry(valueKind: string, item: unknown, key: string): Buffer {
  if (valueKind === "any") return anyMessage(item);
  if (valueKind === "string") return Buffer.from(stringOf(item, key), "utf8");
  if (valueKind === "strings") {
    const writer = new ProtobufWriter();
    writeField(writer, key, { number: 1, kind: "strings" }, item);
    return writer.finish();
  }
  return encodeMessage(valueKind, item);
}

function encodeMessage(name: string, value: unknown): Buffer {
  const form = schemaForms[name];
  if (form) return form(value);
  const rule = messages[name];
  if (!rule) throw new Error(`openapi v2 protobuf: no rule for message ${name}`);
  switch (rule.form) {
    case "object":
      return encodeObject(rule, value);
    case "map": {
      if (!isObject(value)) throw new NotThisMessage("has unexpected value");
      const writer = new ProtobufWriter();
      for (const [key, item] of Object.entries(value)) writer.bytes(1, named(key, mapEntry(rule.value, item, key)));
      return writer.finish();
    }
    case "oneof": {
      let chosen: Buffer | undefined;
      for (const [number, alternative] of rule.alternatives) {
        try {
          chosen = new ProtobufWriter().bytes(number, encodeMessage(alternative, value)).finish();
        } catch (error) {
          if (!(error instanceof NotThisMessage)) throw error;
        }
      }
      if (!chosen) throw new NotThisMessage(`contains an invalid ${name}`);
      return chosen;
    }
  }
}

/** The special forms the compiler accepts for a schema's type, items and additionalProperties. */
const schemaForms: Record<string, (value: unknown) => Buffer> = {
  TypeItem: (value) => {
    const writer = new ProtobufWriter();
    for (const item of Array.isArray(value) ? value : [value]) writer.string(1, String(item));
    return writer.finish();
  },
  ItemsItem: (value) => {
    if (!isObject(value)) throw new NotThisMessage("has unexpected value for item array");
    return new ProtobufWriter().bytes(1, encodeMessage("Schema", value)).finish();
  },
  AdditionalPropertiesItem: (value) => {
    if (typeof value === "boolean") return new ProtobufWriter().varint(2, value).finish();
    return new ProtobufWriter().bytes(1, encodeMessage("Schema", value)).finish();
  },
};

/** Errors: throws when the document is not a valid OpenAPI v2 document (a bug in what we serve). */
export function encodeOpenApiV2Protobuf(json: Buffer): Buffer {
  try {
    return encodeMessage("Document", JSON.parse(json.toString("utf8")));
  } catch (error) {
    if (error instanceof NotThisMessage) throw new Error(`openapi v2 protobuf: the document ${error.message}`);
    throw error;
  }
}
