/**
 * Decoding of Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`) for the
 * built-in kinds served here, which kubectl's typed commands (`kubectl create configmap`, ...)
 * send, and of DeleteOptions, which Go clients send with their DELETEs. Responses are always JSON, which those clients accept too.
 *
 * The wire format is the `k8s\0` magic, then a runtime.Unknown whose `raw` field holds the object
 * message; the field numbers below are those of k8s.io/api's generated.proto.
 */
import { badRequest } from "../errors/status.js";

type FieldType =
  | "string"
  | "bytes"
  | "int"
  | "bool"
  | "time"
  | "microtime"
  | "json"
  | { message: Schema }
  | { map: "string" | "bytes" };

interface FieldSpec {
  name: string;
  type: FieldType;
  repeated?: boolean;
  /** A Go pointer field: written only when set, so its zero value is a value. */
  pointer?: boolean;
}

type Schema = Record<number, FieldSpec>;

const ownerReference: Schema = {
  1: { name: "kind", type: "string" },
  3: { name: "name", type: "string" },
  4: { name: "uid", type: "string" },
  5: { name: "apiVersion", type: "string" },
  6: { name: "controller", type: "bool" },
  7: { name: "blockOwnerDeletion", type: "bool" },
};

const managedFieldsEntry: Schema = {
  1: { name: "manager", type: "string" },
  2: { name: "operation", type: "string" },
  3: { name: "apiVersion", type: "string" },
  4: { name: "time", type: "time" },
  6: { name: "fieldsType", type: "string" },
  7: { name: "fieldsV1", type: "json" },
  8: { name: "subresource", type: "string" },
};

const objectMeta: Schema = {
  1: { name: "name", type: "string" },
  2: { name: "generateName", type: "string" },
  3: { name: "namespace", type: "string" },
  5: { name: "uid", type: "string" },
  6: { name: "resourceVersion", type: "string" },
  7: { name: "generation", type: "int" },
  8: { name: "creationTimestamp", type: "time" },
  9: { name: "deletionTimestamp", type: "time" },
  10: { name: "deletionGracePeriodSeconds", type: "int" },
  11: { name: "labels", type: { map: "string" } },
  12: { name: "annotations", type: { map: "string" } },
  13: { name: "ownerReferences", type: { message: ownerReference }, repeated: true },
  14: { name: "finalizers", type: "string", repeated: true },
  17: { name: "managedFields", type: { message: managedFieldsEntry }, repeated: true },
};

const metadata: FieldSpec = { name: "metadata", type: { message: objectMeta } };

const objectReference: Schema = {
  1: { name: "kind", type: "string" },
  2: { name: "namespace", type: "string" },
  3: { name: "name", type: "string" },
  4: { name: "uid", type: "string" },
  5: { name: "apiVersion", type: "string" },
  6: { name: "resourceVersion", type: "string" },
  7: { name: "fieldPath", type: "string" },
};

/** metav1.DeleteOptions, which every group version registers (the body of a DELETE). */
const deleteOptions: Schema = {
  1: { name: "gracePeriodSeconds", type: "int", pointer: true },
  2: {
    name: "preconditions",
    type: {
      message: {
        1: { name: "uid", type: "string", pointer: true },
        2: { name: "resourceVersion", type: "string", pointer: true },
      },
    },
  },
  3: { name: "orphanDependents", type: "bool", pointer: true },
  4: { name: "propagationPolicy", type: "string", pointer: true },
  5: { name: "dryRun", type: "string", repeated: true },
  6: { name: "ignoreStoreReadErrorWithClusterBreakingPotential", type: "bool", pointer: true },
};

/** Object schemas by apiVersion/kind. */
const schemas: Record<string, Schema> = {
  "v1/ConfigMap": {
    1: metadata,
    2: { name: "data", type: { map: "string" } },
    3: { name: "binaryData", type: { map: "bytes" } },
    4: { name: "immutable", type: "bool" },
  },
  "v1/Secret": {
    1: metadata,
    2: { name: "data", type: { map: "bytes" } },
    3: { name: "type", type: "string" },
    4: { name: "stringData", type: { map: "string" } },
    5: { name: "immutable", type: "bool" },
  },
  "v1/Namespace": {
    1: metadata,
    2: { name: "spec", type: { message: { 1: { name: "finalizers", type: "string", repeated: true } } } },
    3: { name: "status", type: { message: { 1: { name: "phase", type: "string" } } } },
  },
  "v1/ServiceAccount": {
    1: metadata,
    2: { name: "secrets", type: { message: objectReference }, repeated: true },
    3: { name: "imagePullSecrets", type: { message: { 1: { name: "name", type: "string" } } }, repeated: true },
    4: { name: "automountServiceAccountToken", type: "bool" },
  },
  "coordination.k8s.io/v1/Lease": {
    1: metadata,
    2: {
      name: "spec",
      type: {
        message: {
          1: { name: "holderIdentity", type: "string" },
          2: { name: "leaseDurationSeconds", type: "int" },
          3: { name: "acquireTime", type: "microtime" },
          4: { name: "renewTime", type: "microtime" },
          5: { name: "leaseTransitions", type: "int" },
          6: { name: "strategy", type: "string" },
          7: { name: "preferredHolder", type: "string" },
        },
      },
    },
  },
};

class Reader {
  #offset = 0;
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  done(): boolean {
    return this.#offset >= this.#bytes.length;
  }
  // The errors are gogo-protobuf's generated Unmarshal errors, which the server returns as they are.
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (shift >= 64n) throw badRequest("proto: integer overflow");
      const byte = this.#bytes[this.#offset++];
      if (byte === undefined) throw badRequest("unexpected EOF");
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
      shift += 7n;
    }
  }
  length(): number {
    const length = BigInt.asIntN(64, this.varint());
    if (length < 0n) throw badRequest("proto: negative length found during unmarshaling");
    return length > BigInt(this.#bytes.length) ? this.#bytes.length + 1 : Number(length);
  }
  take(length: number): Buffer {
    if (this.#offset + length > this.#bytes.length) throw badRequest("unexpected EOF");
    const slice = this.#bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return slice;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.take(8);
    else if (wireType === 2) this.take(this.length());
    else if (wireType === 5) this.take(4);
    else throw badRequest(`proto: illegal wireType ${wireType}`);
  }
}

function fields(bytes: Buffer): { number: number; wireType: number; value: bigint | Buffer }[] {
  const reader = new Reader(bytes);
  const result: { number: number; wireType: number; value: bigint | Buffer }[] = [];
  while (!reader.done()) {
    const tag = Number(reader.varint());
    const wireType = tag & 7;
    const number = tag >>> 3;
    if (wireType === 0) result.push({ number, wireType, value: reader.varint() });
    else if (wireType === 2) result.push({ number, wireType, value: reader.take(reader.length()) });
    else reader.skip(wireType);
  }
  return result;
}

function timeOf(bytes: Buffer, micro: boolean): string {
  let seconds = 0n;
  let nanos = 0n;
  for (const field of fields(bytes)) {
    if (field.number === 1 && typeof field.value === "bigint") seconds = field.value;
    if (field.number === 2 && typeof field.value === "bigint") nanos = field.value;
  }
  const date = new Date(Number(seconds) * 1000 + Math.floor(Number(nanos) / 1e6));
  const iso = date.toISOString();
  return micro
    ? `${iso.slice(0, 19)}.${String(Number(nanos) / 1000)
        .padStart(6, "0")
        .slice(0, 6)}Z`
    : `${iso.slice(0, 19)}Z`;
}

function decodeValue(type: FieldType, value: bigint | Buffer): unknown {
  if (typeof value === "bigint") {
    if (type === "bool") return value !== 0n;
    return Number(BigInt.asIntN(64, value));
  }
  switch (type) {
    case "string":
      return value.toString("utf8");
    case "bytes":
      return value.toString("base64");
    case "time":
      return timeOf(value, false);
    case "microtime":
      return timeOf(value, true);
    case "json": {
      const raw = fields(value).find((field) => field.number === 1)?.value;
      return raw instanceof Buffer ? JSON.parse(raw.toString("utf8")) : {};
    }
    default:
      if (typeof type === "object" && "message" in type) return decodeMessage(value, type.message);
      return undefined;
  }
}

function decodeMessage(bytes: Buffer, schema: Schema): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields(bytes)) {
    const spec = schema[field.number];
    if (!spec) continue;
    if (typeof spec.type === "object" && "map" in spec.type) {
      if (!(field.value instanceof Buffer)) continue;
      const entry = fields(field.value);
      const key = entry.find((part) => part.number === 1)?.value;
      const raw = entry.find((part) => part.number === 2)?.value ?? Buffer.alloc(0);
      const map = (result[spec.name] ??= {}) as Record<string, unknown>;
      map[key instanceof Buffer ? key.toString("utf8") : ""] = decodeValue(spec.type.map, raw);
      continue;
    }
    const value = decodeValue(spec.type, field.value);
    // gogo-protobuf writes every non-pointer field; JSON omits the empty ones (omitempty).
    if (!spec.repeated && !spec.pointer && (value === "" || (value === 0 && spec.type === "int"))) continue;
    if (spec.repeated) ((result[spec.name] ??= []) as unknown[]).push(value);
    else result[spec.name] = value;
  }
  return result;
}

const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** Decodes a protobuf-encoded built-in object into its JSON form. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(magic))
    throw badRequest("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
  const envelope = fields(body.subarray(4));
  const typeMeta = envelope.find((field) => field.number === 1)?.value;
  const raw = envelope.find((field) => field.number === 2)?.value;
  const meta =
    typeMeta instanceof Buffer
      ? decodeMessage(typeMeta, { 1: { name: "apiVersion", type: "string" }, 2: { name: "kind", type: "string" } })
      : {};
  const apiVersion = String(meta.apiVersion ?? "");
  const kind = String(meta.kind ?? "");
  const schema = schemas[`${apiVersion}/${kind}`] ?? (kind === "DeleteOptions" ? deleteOptions : undefined);
  if (!schema)
    throw badRequest(
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "k8s.io/apimachinery@v1.32.4/pkg/runtime/scheme.go:100"`,
    );
  return { apiVersion, kind, ...(raw instanceof Buffer ? decodeMessage(raw, schema) : {}) };
}
