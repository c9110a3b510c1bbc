/**
 * OpenAPI documents generated for the group versions the reference's captured documents do not
 * cover (CRDs), as far as kubectl needs them: `/openapi/v3/<prefix>/<group>/<version>` with one
 * path per resource whose PATCH operation carries `x-kubernetes-group-version-kind` and the
 * `fieldValidation` query parameter (how kubectl decides to validate on the server), plus a schema
 * per kind for `kubectl explain`; and their definitions for `/openapi/v2`.
 * openapi_documents.ts merges them with the built-in ones.
 */
import { toOpenApiV2Schema } from "./openapi_v2_schema.js";
import type { ResourceRegistry } from "../registry/registry.js";
import type { ResourceType } from "../registry/resource_type.js";

const objectMetaRef = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

const objectMetaSchema = {
  description:
    "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
  type: "object",
  properties: {
    name: { type: "string", description: "Name must be unique within a namespace." },
    generateName: {
      type: "string",
      description:
        "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.",
    },
    namespace: { type: "string", description: "Namespace defines the space within which each name must be unique." },
    uid: { type: "string", description: "UID is the unique in time and space value for this object." },
    resourceVersion: {
      type: "string",
      description: "An opaque value that represents the internal version of this object.",
    },
    generation: {
      type: "integer",
      format: "int64",
      description: "A sequence number representing a specific generation of the desired state.",
    },
    creationTimestamp: {
      type: "string",
      format: "date-time",
      description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
    },
    deletionTimestamp: {
      type: "string",
      format: "date-time",
      description: "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.",
    },
    labels: {
      type: "object",
      additionalProperties: { type: "string" },
      description: "Map of string keys and values that can be used to organize and categorize objects.",
    },
    annotations: {
      type: "object",
      additionalProperties: { type: "string" },
      description: "Annotations is an unstructured key value map stored with a resource.",
    },
    finalizers: {
      type: "array",
      items: { type: "string" },
      description: "Must be empty before the object is deleted from the registry.",
    },
    ownerReferences: {
      type: "array",
      items: { type: "object" },
      description: "List of objects depended by this object.",
    },
    managedFields: {
      type: "array",
      items: { type: "object" },
      description: "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.",
    },
  },
};

function definitionName(type: ResourceType): string {
  const group = type.group ? type.group.split(".").reverse().join(".") : "io.k8s.api.core";
  return `${group}.${type.version}.${type.kind}`;
}

function schemaOf(type: ResourceType, refPrefix: string): Record<string, unknown> {
  const base = (type.openApiSchema ? structuredClone(type.openApiSchema) : { type: "object" }) as Record<
    string,
    unknown
  >;
  const properties = { ...((base.properties as Record<string, unknown> | undefined) ?? {}) };
  properties.apiVersion ??= {
    type: "string",
    description: "APIVersion defines the versioned schema of this representation of an object.",
  };
  properties.kind ??= {
    type: "string",
    description: "Kind is a string value representing the REST resource this object represents.",
  };
  properties.metadata = { $ref: `${refPrefix}${objectMetaRef}`, description: "Standard object's metadata." };
  return {
    ...base,
    properties,
    "x-kubernetes-group-version-kind": [{ group: type.group, kind: type.kind, version: type.version }],
  };
}

const queryParameters = ["dryRun", "fieldManager", "fieldValidation", "force", "pretty"].map((name) => ({
  name,
  in: "query",
  schema: { type: name === "force" ? "boolean" : "string", uniqueItems: true },
}));

function resourcePath(type: ResourceType): string {
  const prefix = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  return type.namespaced
    ? `${prefix}/namespaces/{namespace}/${type.resource}/{name}`
    : `${prefix}/${type.resource}/{name}`;
}

function gvk(type: ResourceType): Record<string, string> {
  return { group: type.group, version: type.version, kind: type.kind };
}

/** "api/v1" or "apis/<group>/<version>": the name of a group version's /openapi/v3 document. */
export function groupVersionKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function parseGroupVersionKey(key: string): { group: string; version: string } | undefined {
  const parts = key.split("/");
  if (parts[0] === "api" && parts[1] && parts.length === 2) return { group: "", version: parts[1] };
  if (parts[0] === "apis" && parts[1] && parts[2] && parts.length === 3) return { group: parts[1], version: parts[2] };
  return undefined;
}

/** The document of one group version (by its key), or undefined when nothing is served there. */
export function generatedOpenApiV3Document(
  registry: ResourceRegistry,
  key: string,
): Record<string, unknown> | undefined {
  const groupVersion = parseGroupVersionKey(key);
  if (!groupVersion) return undefined;
  const { group, version } = groupVersion;
  const types = registry.resources(group, version);
  if (!types.length) return undefined;
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { [objectMetaRef]: objectMetaSchema };
  for (const type of types) {
    const reference = { $ref: `#/components/schemas/${definitionName(type)}` };
    const response = { "200": { description: "OK", content: { "application/json": { schema: reference } } } };
    const operation = (action: string) => ({
      operationId: `${action}${type.kind}`,
      "x-kubernetes-action": action,
      "x-kubernetes-group-version-kind": gvk(type),
      parameters: queryParameters,
      responses: response,
    });
    paths[resourcePath(type)] = {
      get: operation("get"),
      put: operation("put"),
      patch: operation("patch"),
      delete: operation("delete"),
      parameters: [
        { name: "name", in: "path", required: true, schema: { type: "string" } },
        ...(type.namespaced ? [{ name: "namespace", in: "path", required: true, schema: { type: "string" } }] : []),
      ],
    };
    schemas[definitionName(type)] = schemaOf(type, "#/components/schemas/");
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: "unversioned" }, paths, components: { schemas } };
}

/** Definitions (and no paths) of the kinds of the given group versions, for /openapi/v2. */
export function generatedOpenApiV2(
  registry: ResourceRegistry,
  keys: readonly string[],
): { paths: Record<string, unknown>; definitions: Record<string, unknown> } {
  const definitions: Record<string, unknown> = {};
  for (const key of keys) {
    const groupVersion = parseGroupVersionKey(key);
    if (!groupVersion) continue;
    for (const type of registry.resources(groupVersion.group, groupVersion.version))
      definitions[definitionName(type)] = toOpenApiV2Schema(schemaOf(type, "#/definitions/"));
  }
  return { paths: {}, definitions };
}
