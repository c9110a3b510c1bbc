/**
 * Serves the verbs of one resource request: get, list, watch, create, update, patch, delete and
 * deletecollection, plus the status and scale subresources.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyPatch } from "../registry/apply_patch.js";
import { deepClone, jsonEqual } from "../registry/conversion.js";
import { deleteObject } from "../registry/deletion.js";
import { list } from "../registry/list_watch.js";
import { groupResource, timestamp, type ObjectService, type WriteOptions } from "../registry/object_service.js";
import {
  decodePatchBody,
  jsonPatch,
  mergePatch,
  patchKindOf,
  requireMapPatch,
  strategicMergePatch,
} from "../registry/patch.js";
import type { ResourceRegistry } from "../registry/registry.js";
import { apiVersionOf, type ResourceType } from "../registry/resource_type.js";
import { readScale, scaleToObject } from "../registry/scale.js";
import type { KubeObject } from "../storage/types.js";
import {
  builtinTypeError,
  decodeDeleteOptions,
  otherKindDecodeError,
  patchTypeError,
  typeMetaError,
  typeMetaFieldError,
} from "../serializer/builtin_decoding.js";
import { duplicateFields } from "../serializer/duplicate_fields.js";
import { goJsonTypeName } from "../serializer/go_json.js";
import { mediaTypeOf, negotiateOutput, readBody, type OutputFormat } from "./negotiation.js";
import { BodySyntaxError, decodeDocument, parseDocument, unrecognizedBody } from "../serializer/documents.js";
import { decodeProtobufObject } from "../serializer/protobuf.js";
import { int64Parameter, listIntegerOptions } from "./query_parameters.js";
import { deleteOptions, writeOptions } from "./request_options.js";
import type { ResourceRequest } from "./request_info.js";
import { addWarnings, writeJson, writeList, writeObject, writePageNotFound } from "./respond.js";
import {
  StatusError,
  badRequest,
  methodNotSupported,
  notFound,
  resourceNotFound,
  unsupportedMediaType,
} from "../errors/status.js";
import { toTable } from "./table.js";
import { streamWatch, type WatchStreamOptions } from "./watch_stream.js";

export interface ResourceContext {
  registry: ResourceRegistry;
  service: ObjectService;
  watch: WatchStreamOptions;
  registerWatch(stop: () => void): () => void;
}

const bodyMediaTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

/** Decodes a create/update body and checks it against the URL's kind, as the create handler does. */
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
interface DecodeTarget {
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

async function decodeObject(request: IncomingMessage, target: DecodeTarget): Promise<KubeObject> {
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

/** Who writes a Scale, for the parent's managedFields. */
function scaleWriter(service: ObjectService, options: WriteOptions): { manager: string; time: string } {
  return { manager: options.manager.manager, time: timestamp(service.now()) };
}

function checkNamespaceMatches(object: KubeObject, namespace: string | undefined, type: ResourceType): void {
  if (type.namespaced && object.metadata.namespace && namespace && object.metadata.namespace !== namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
}

function listObject(type: ResourceType, result: ReturnType<typeof list>): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  // Custom resource lists are unstructured and always carry `continue`, empty on the last page.
  if (result.continueToken || !type.strategicMerge) metadata.continue = result.continueToken ?? "";
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  return { apiVersion: apiVersionOf(type), kind: type.listKind, metadata, items: result.items };
}

export async function handleResource(
  context: ResourceContext,
  request: IncomingMessage,
  response: ServerResponse,
  info: ResourceRequest,
  query: URLSearchParams,
): Promise<void> {
  const type = context.registry.lookup(info.group, info.version, info.resource);
  if (!type || (!type.namespaced && info.namespace !== undefined)) {
    // Built-in group versions answer with a Status; anything else is left to the custom resource
    // handler, which passes what no CRD serves down to the plain-text 404.
    const builtIn = context.registry.resources(info.group, info.version).some((served) => served.strategicMerge);
    if (builtIn) throw resourceNotFound();
    request.resume();
    return writePageNotFound(response);
  }
  const subresource = info.subresource;
  const subresourceServed =
    !subresource ||
    (subresource === "status" && type.statusSubresource) ||
    (subresource === "scale" && type.scale !== undefined) ||
    (subresource === "finalize" && type.resource === "namespaces");
  // The custom resource handler answers an unknown subresource as a missing object.
  if (!subresourceServed)
    throw type.strategicMerge ? resourceNotFound() : notFound(groupResource(type), info.name ?? "");
  if (
    subresource &&
    (info.verb === "list" ||
      info.verb === "watch" ||
      info.verb === "create" ||
      info.verb === "delete" ||
      info.verb === "deletecollection")
  ) {
    throw methodNotSupported(groupResource(type), info.verb);
  }
  if (type.deprecationWarning) addWarnings(response, [type.deprecationWarning]);
  const format: OutputFormat = negotiateOutput(request.headers.accept, query);
  const { service } = context;
  const now = service.now();
  const namespace = type.namespaced ? info.namespace : undefined;
  const name = info.name ?? "";

  switch (info.verb) {
    case "get": {
      if (subresource === "scale")
        return writeJson(response, 200, readScale(type, service.getStored(type, namespace, name)));
      return writeObject(response, 200, type, format, service.get(type, namespace, name), now);
    }
    case "list": {
      const result = list(service.store, type, {
        namespace,
        labelSelector: query.get("labelSelector"),
        fieldSelector: query.get("fieldSelector"),
        limit: listIntegerOptions(query).limit,
        continueToken: query.get("continue"),
        resourceVersion: query.get("resourceVersion"),
        resourceVersionMatch: query.get("resourceVersionMatch"),
      });
      if (format.kind === "table") {
        return writeJson(
          response,
          200,
          toTable(type, result.items, result, { includeObject: format.includeObject, noHeaders: false }, now),
        );
      }
      const body = listObject(type, result);
      if (format.kind === "metadata") {
        body.kind = "PartialObjectMetadataList";
        body.apiVersion = "meta.k8s.io/v1";
        body.items = result.items.map((item) => ({
          apiVersion: "meta.k8s.io/v1",
          kind: "PartialObjectMetadata",
          metadata: item.metadata,
        }));
        return writeJson(response, 200, body);
      }
      if (format.mediaType === "application/json")
        return writeList(response, body as Record<string, unknown> & { items: KubeObject[] }, type.strategicMerge);
      return writeJson(response, 200, body, format.mediaType);
    }
    case "watch":
      listIntegerOptions(query);
      return streamWatch(request, response, {
        store: service.store,
        type,
        namespace,
        query,
        format,
        options: context.watch,
        register: context.registerWatch,
      });
    case "create": {
      const options = writeOptions(request, query, "CreateOptions");
      const body = await decodeObject(request, { type, options, registry: context.registry, response });
      checkNamespaceMatches(body, namespace, type);
      const result = await service.create(type, namespace, body, options);
      addWarnings(response, result.warnings);
      return writeObject(response, 201, type, format, result.object, now);
    }
    case "update": {
      if (info.name === undefined) throw badRequest("name must be provided");
      const options = writeOptions(request, query, "UpdateOptions");
      if (subresource === "scale") {
        const scale = decodeDocument(
          await readBody(request),
          mediaTypeOf(request.headers["content-type"]) || "application/json",
        );
        const current = service.getStored(type, namespace, name);
        const result = await service.update(
          type,
          namespace,
          name,
          scaleToObject(type, current, scale, scaleWriter(service, options)),
          {
            ...options,
            subresource: "",
            managedFieldsPrepared: true,
            expectedResourceVersion: (scale as KubeObject).metadata?.resourceVersion,
          },
        );
        return writeJson(response, 200, readScale(type, result.object));
      }
      const body = await decodeObject(request, { type, options, registry: context.registry, response });
      checkNamespaceMatches(body, namespace, type);
      if (!body.metadata.name)
        throw badRequest(`the name of the object (${name} based on URL) was undeterminable: name must be provided`);
      if (body.metadata.name !== name) {
        throw badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
      }
      const result = await service.update(type, namespace, name, body, {
        ...options,
        subresource,
        uidPrecondition: body.metadata.uid,
        // Built-in kinds allow an update without a resourceVersion; custom resources do not.
        unconditionalUpdate: type.strategicMerge,
      });
      addWarnings(response, result.warnings);
      return writeObject(response, 200, type, format, result.object, now);
    }
    case "patch": {
      if (info.name === undefined) throw badRequest("name must be provided");
      const kind = patchKindOf(type, mediaTypeOf(request.headers["content-type"]));
      const body = await readBody(request);
      const options = writeOptions(request, query, "PatchOptions", kind);
      const patch = decodePatchBody(body, kind);
      const strictDecoding = options.fieldValidation !== "Ignore";
      if (kind === "apply") {
        const result = await applyPatch(service, type, namespace, name, patch, {
          ...options,
          subresource,
          force: query.get("force") === "true",
        });
        addWarnings(response, result.warnings);
        return writeObject(response, result.created ? 201 : 200, type, format, result.object, now);
      }
      if (subresource === "scale") {
        const current = service.getStored(type, namespace, name);
        const scale = readScale(type, current);
        const patched =
          kind === "json"
            ? jsonPatch(scale as KubeObject, patch, strictDecoding)
            : mergePatch(scale, requireMapPatch(kind, patch, strictDecoding));
        const result = await service.update(
          type,
          namespace,
          name,
          scaleToObject(type, current, patched, scaleWriter(service, options)),
          {
            ...options,
            subresource: "",
            managedFieldsPrepared: true,
          },
        );
        return writeJson(response, 200, readScale(type, result.object));
      }
      const current = service.get(type, namespace, name);
      let patched: unknown;
      if (kind === "json") patched = jsonPatch(current, patch, strictDecoding);
      else if (kind === "merge") patched = mergePatch(current, requireMapPatch(kind, patch, strictDecoding));
      else patched = strategicMergePatch(current, requireMapPatch(kind, patch, strictDecoding));
      // The patch result shares untouched subtrees with the stored object: clone before adjusting it.
      const object = deepClone(patched) as KubeObject;
      if (!object || typeof object !== "object" || typeof object.metadata !== "object" || object.metadata === null) {
        throw badRequest("the patch removed the object's metadata");
      }
      if (object.metadata.name !== current.metadata.name) {
        throw badRequest(
          `the name of the object (${String(object.metadata.name)}) does not match the name on the URL (${name})`,
        );
      }
      if (object.apiVersion !== current.apiVersion || object.kind !== current.kind) {
        throw badRequest(
          `the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${apiVersionOf(type)})`,
        );
      }
      const typeError = type.strategicMerge ? patchTypeError(kind, patch, object) : undefined;
      if (typeError) throw typeError;
      // A resourceVersion in the patch is a precondition; otherwise the patch applies to the current state.
      const patchVersion = (patch as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
      object.metadata.resourceVersion = patchVersion ?? current.metadata.resourceVersion;
      if (jsonEqual(object.metadata.managedFields, current.metadata.managedFields))
        delete object.metadata.managedFields;
      const result = await service.update(type, namespace, name, object, { ...options, subresource });
      addWarnings(response, result.warnings);
      return writeObject(response, 200, type, format, result.object, now);
    }
    case "delete": {
      const raw = await readBody(request);
      const body = raw.length ? (decodeDeleteOptions(raw) ?? {}) : undefined;
      // DeleteOptions come from the body when there is one, and only then is the query not decoded.
      if (!raw.length) int64Parameter(query, "gracePeriodSeconds");
      const result = await deleteObject(service, type, namespace, name, deleteOptions(body, query));
      if (result.status) return writeJson(response, 200, result.status);
      return writeObject(response, 200, type, format, result.object as KubeObject, now);
    }
    case "deletecollection": {
      const raw = await readBody(request);
      const body = raw.length ? (decodeDeleteOptions(raw) ?? {}) : undefined;
      listIntegerOptions(query);
      const options = deleteOptions(body, query);
      const matching = list(service.store, type, {
        namespace,
        labelSelector: query.get("labelSelector"),
        fieldSelector: query.get("fieldSelector"),
        limit: 0,
        continueToken: null,
        resourceVersion: null,
        resourceVersionMatch: null,
      });
      const deleted: KubeObject[] = [];
      for (const item of matching.items) {
        try {
          const result = await deleteObject(service, type, item.metadata.namespace, item.metadata.name ?? "", options);
          deleted.push(result.object ?? item);
        } catch (error) {
          if (!(error instanceof StatusError && error.code === 404)) throw error;
        }
      }
      return writeJson(
        response,
        200,
        listObject(type, { ...matching, items: deleted, resourceVersion: String(service.store.currentRevision()) }),
      );
    }
    default:
      throw methodNotSupported(groupResource(type), request.method ?? "");
  }
}
