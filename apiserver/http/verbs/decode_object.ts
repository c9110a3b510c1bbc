/**
 * Decoding of a create or update body into an object of the URL's kind, with kube-apiserver's
 * errors for each way a body can fail to be one (syntax, type meta, version, kind, Go types).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { deepClone } from "../../registry/conversion.js";
import type { WriteOptions } from "../../registry/object_service.js";
import type { ResourceRegistry } from "../../registry/registry.js";
import { apiVersionOf, type ResourceType } from "../../registry/resource_type.js";
import type { KubeObject } from "../../storage/types.js";
import {
  builtinTypeError,
  otherKindDecodeError,
  typeMetaError,
  typeMetaFieldError,
} from "../../serializer/builtin_decoding.js";
import { BodySyntaxError, parseDocument, unrecognizedBody } from "../../serializer/documents.js";
import { duplicateFields } from "../../serializer/duplicate_fields.js";
import { goJsonTypeName } from "../../serializer/go_json.js";
import { decodeProtobufObject } from "../../serializer/protobuf.js";
import { badRequest, unsupportedMediaType } from "../../errors/status.js";
import { mediaTypeOf, readBody } from "../negotiation.js";
import { addWarnings } from "../respond.js";

const bodyMediaTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

/** Duplicate keys of a JSON body; a body that does not parse is left to the decoder's error. */
function duplicateFieldsOf(body: Buffer): string[] {
  try {
    return duplicateFields(body.toString("utf8"));
  } catch {
    return [];
  }
}

/** The prefix the JSON meta decoder puts on its errors while it looks for apiVersion and kind. */
const interpretError = "couldn't get version/kind; json parse error: ";

/** What a create or update body is decoded for. */
export interface DecodeTarget {
  type: ResourceType;
  options: WriteOptions;
  registry: ResourceRegistry;
  /** Receives the warnings found before a rejection, which go out with the error. */
  response: ServerResponse;
}

/**
 * The unknown fields of a custom resource body of another version of its kind: the decoder prunes
 * it against that version's schema (none, for a version the CRD does not serve, so every field but
 * apiVersion, kind and metadata) before the version check rejects it.
 */
function otherVersionUnknownFields(object: KubeObject, type: ResourceType, registry: ResourceRegistry): string[] {
  const version = String(object.apiVersion).slice(type.group.length + 1);
  const served = registry.lookup(type.group, version, type.resource);
  if (served?.strategy.normalize) return served.strategy.normalize(deepClone(object), { pruneUnknown: true });
  const fields = Object.keys(object).filter(
    (field) => field !== "apiVersion" && field !== "kind" && field !== "metadata",
  );
  return fields.sort().map((field) => `unknown field "${field}"`);
}

/** Decodes a create/update body and checks it against the URL's kind, as the create handler does. */
export async function decodeObject(request: IncomingMessage, target: DecodeTarget): Promise<KubeObject> {
  const { type, options } = target;
  const mediaType = mediaTypeOf(request.headers["content-type"]) || "application/json";
  // Custom resources list protobuf too: their serializer set has it, for the objects it returns.
  if (!bodyMediaTypes.includes(mediaType)) throw unsupportedMediaType(mediaType, bodyMediaTypes);
  const body = await readBody(request);
  if (mediaType === "application/json" && options.fieldValidation !== "Ignore") {
    options.duplicateFields = duplicateFieldsOf(body);
  }
  let value: unknown;
  try {
    value =
      mediaType === "application/vnd.kubernetes.protobuf" ? decodeProtobufObject(body) : parseDocument(body, mediaType);
  } catch (error) {
    if (!(error instanceof BodySyntaxError)) throw error;
    // YAML is converted to JSON first, and that conversion's error is reported as it is.
    throw unrecognizedBody(
      type.kind,
      error.format === "json" ? `${interpretError}${error.message}` : error.message,
      body,
    );
  }
  // A null body decodes as an empty object, whose kind and version the URL supplies (built-in kinds).
  if (value === null) value = {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw unrecognizedBody(type.kind, typeMetaError(value), body);
  }
  const object = value as KubeObject;
  const typeMetaProblem = typeMetaFieldError(object);
  if (typeMetaProblem) throw unrecognizedBody(type.kind, typeMetaProblem, body);
  if (!type.strategicMerge && !object.kind)
    throw unrecognizedBody(type.kind, `Object 'Kind' is missing in '${body.toString("utf8")}'`, body);
  // The unstructured decoder reads metadata into ObjectMeta before any version or kind check.
  const metadata: unknown = object.metadata;
  if (
    !type.strategicMerge &&
    metadata !== undefined &&
    metadata !== null &&
    (typeof metadata !== "object" || Array.isArray(metadata))
  ) {
    throw badRequest(
      `${object.kind} in version "${String(object.apiVersion ?? "")
        .split("/")
        .pop()}" cannot be handled as a ${type.kind}: json: cannot unmarshal ${goJsonTypeName(metadata)} into Go value of type v1.ObjectMeta`,
    );
  }
  // The unstructured decoder of custom resources defaults nothing: a missing apiVersion is a mismatch.
  const apiVersion = object.apiVersion ?? (type.strategicMerge ? apiVersionOf(type) : "");
  const expected = apiVersionOf(type);
  if (apiVersion !== expected) {
    const sameKind = !type.strategicMerge && object.kind === type.kind && apiVersion.startsWith(`${type.group}/`);
    const unknownFields =
      sameKind && options.fieldValidation !== "Ignore" ? otherVersionUnknownFields(object, type, target.registry) : [];
    if (unknownFields.length && options.fieldValidation === "Strict") {
      const version = apiVersion.slice(type.group.length + 1);
      throw badRequest(
        `${type.kind} in version "${version}" cannot be handled as a ${type.kind}: strict decoding error: ${unknownFields.join(", ")}`,
      );
    }
    addWarnings(target.response, unknownFields);
    throw badRequest(
      `the API version in the data (${apiVersion}) does not match the expected API version (${expected})`,
    );
  }
  if (object.kind && object.kind !== type.kind && type.strategicMerge) {
    // Built-in kinds decode the body as its own kind before converting, which fails for another kind.
    const registered = target.registry.lookupKind(expected, object.kind)?.strategicMerge === true;
    const why = registered
      ? otherKindDecodeError(object, type)
      : `no kind "${object.kind}" is registered for version "${expected}" in scheme "pkg/api/legacyscheme/scheme.go:30"`;
    throw badRequest(`${object.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${why}`);
  }
  object.apiVersion = expected;
  // A custom resource of another kind decodes: its validation reports the kind (ValidateTypeMeta).
  if (!object.kind || type.strategicMerge) object.kind = type.kind;
  const typeError = type.strategicMerge ? builtinTypeError(object) : undefined;
  if (typeError)
    throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${typeError}`);
  // Metadata of another JSON type was refused above, by the typed decoder or the custom resource check.
  if (object.metadata === undefined || object.metadata === null) object.metadata = {};
  return object;
}

/** A body naming another namespace than the URL is refused. */
export function checkNamespaceMatches(object: KubeObject, namespace: string | undefined, type: ResourceType): void {
  if (type.namespaced && object.metadata.namespace && namespace && object.metadata.namespace !== namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
}
