/**
 * Writing responses: objects in the negotiated form (JSON, YAML, protobuf), Status errors, and
 * warnings headers.
 */
import type { ServerResponse } from "node:http";
import yaml from "js-yaml";
import type { ResourceType } from "../registry/resource_type.js";
import { partialObjectMetadata } from "../registry/printing.js";
import { stringifyJson } from "../storage/deep_values.js";
import type { KubeObject } from "../storage/types.js";
import { negotiateErrorMediaType, protobufMediaType, type OutputFormat } from "./negotiation.js";
import { StatusError, internalError } from "../errors/status.js";
import { responseGoType } from "../serializer/builtin_go_types.js";
import { encodeProtobufObject } from "../serializer/protobuf.js";
import { toTable } from "./table.js";

/**
 * Serialized form of stored objects. Stored objects are never mutated (writes replace them), so
 * each is serialized once however many lists and watchers send it.
 */
const serialized = new WeakMap<object, string>();

export function toJson(object: object): string {
  let text = serialized.get(object);
  if (text === undefined) {
    text = stringifyJson(object);
    serialized.set(object, text);
  }
  return text;
}

const serializedWithoutTypeMeta = new WeakMap<object, string>();

/** An item of a typed (built-in) list, which carries no apiVersion or kind of its own. */
function toJsonWithoutTypeMeta(object: object): string {
  let text = serializedWithoutTypeMeta.get(object);
  if (text === undefined) {
    const { apiVersion, kind, ...rest } = object as Record<string, unknown>;
    void apiVersion;
    void kind;
    text = stringifyJson(rest);
    serializedWithoutTypeMeta.set(object, text);
  }
  return text;
}

/**
 * Writes a list whose items are stored objects, reusing their cached serialization. Built-in
 * lists are typed, so their items lose apiVersion and kind; custom resource lists keep them.
 */
export function writeList(
  response: ServerResponse,
  list: Record<string, unknown> & { items: object[] },
  typedItems: boolean,
): void {
  const { items, ...head } = list;
  const prefix = JSON.stringify(head);
  const text = `${prefix.slice(0, -1)},"items":[${items.map(typedItems ? toJsonWithoutTypeMeta : toJson).join(",")}]}`;
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

/** YAML text; a value too deep for js-yaml's recursion is sent as JSON, which is YAML too. */
function toYaml(body: unknown): string {
  try {
    return yaml.dump(body, { noRefs: true, lineWidth: -1 });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return `${stringifyJson(body)}\n`;
  }
}

export function writeJson(response: ServerResponse, code: number, body: unknown, mediaType = "application/json"): void {
  const text = mediaType === "application/yaml" ? toYaml(body) : stringifyJson(body);
  response.writeHead(code, { "Content-Type": mediaType, "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The protobuf serializer's bytes for a built-in object, list, Status or PartialObjectMetadata,
 * by the Go type its apiVersion and kind name.
 */
export function toProtobuf(object: object): Buffer {
  const fields = object as Record<string, unknown>;
  const apiVersion = String(fields.apiVersion);
  const kind = String(fields.kind);
  const goType = responseGoType(apiVersion, kind);
  if (!goType) throw new Error(`protobuf: no Go type for ${apiVersion} ${kind}`);
  return encodeProtobufObject(fields, goType);
}

export function writeProtobuf(response: ServerResponse, code: number, object: object): void {
  const bytes = toProtobuf(object);
  response.writeHead(code, { "Content-Type": protobufMediaType, "Content-Length": bytes.length });
  response.end(bytes);
}

/** A Status or list answer as it is (no Table or metadata transform), in protobuf when negotiated. */
export function writeNegotiated(response: ServerResponse, code: number, format: OutputFormat, body: object): void {
  if (format.kind !== "table" && format.mediaType === protobufMediaType) writeProtobuf(response, code, body);
  else writeJson(response, code, body);
}

/** A Status error, in protobuf when the client prefers it (as responsewriters.ErrorNegotiated). */
export function writeError(response: ServerResponse, error: unknown, accept?: string): void {
  const status = error instanceof StatusError ? error : internalError(error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  addWarnings(response, status.warnings);
  if (negotiateErrorMediaType(accept) === protobufMediaType) writeProtobuf(response, status.code, status.toStatus());
  else writeJson(response, status.code, status.toStatus());
}

/**
 * Adds `Warning: 299 - "..."` headers after those already set, as kube-apiserver sends for
 * deprecations and unknown fields; like its warning recorder, a repeated warning is sent once.
 */
export function addWarnings(response: ServerResponse, warnings: readonly string[]): void {
  if (!warnings.length) return;
  const existing = response.getHeader("Warning");
  const headers = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  for (const warning of warnings) {
    const header = `299 - ${JSON.stringify(warning)}`;
    if (!headers.includes(header)) headers.push(header);
  }
  response.setHeader("Warning", headers);
}

/** Writes one object (or a list) in the requested form. */
export function writeObject(
  response: ServerResponse,
  code: number,
  type: ResourceType,
  format: OutputFormat,
  object: KubeObject,
  now: Date,
): void {
  if (format.kind === "table") {
    writeJson(
      response,
      code,
      toTable(type, [object], undefined, { includeObject: format.includeObject, noHeaders: false }, now),
    );
  } else if (format.kind === "metadata") {
    if (format.mediaType === protobufMediaType) writeProtobuf(response, code, partialObjectMetadata(object));
    else writeJson(response, code, partialObjectMetadata(object));
  } else if (format.mediaType === protobufMediaType) {
    writeProtobuf(response, code, object);
  } else {
    writeJson(response, code, object, format.mediaType);
  }
}

export function writeText(response: ServerResponse, code: number, text: string): void {
  response.writeHead(code, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" });
  response.end(text);
}

/** The plain-text 404 of the end of kube-apiserver's handler chain (paths no API group serves). */
export function writePageNotFound(response: ServerResponse): void {
  writeText(response, 404, "404 page not found\n");
}
