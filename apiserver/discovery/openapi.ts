/**
 * OpenAPI documents, as far as kubectl needs them: `/openapi/v3` (the index of group-version
 * documents) and `/openapi/v3/<prefix>/<group>/<version>` with one path per resource whose PATCH
 * operation carries `x-kubernetes-group-version-kind` and the `fieldValidation` query parameter
 * (how kubectl decides to validate on the server), plus a schema per kind for `kubectl explain`.
 * `/openapi/v2` is a small Swagger document with the same definitions.
 */
import { createHash } from "node:crypto";
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

/** The document of one group-version, or undefined when nothing is served there. */
export function openApiV3Document(registry: ResourceRegistry, path: string): Record<string, unknown> | undefined {
  const parts = path.split("/");
  let group = "";
  let version: string | undefined;
  if (parts[0] === "api") version = parts[1];
  else if (parts[0] === "apis") {
    group = parts[1] ?? "";
    version = parts[2];
  }
  if (!version) return undefined;
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

export function openApiV3Root(registry: ResourceRegistry): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const { group, versions } of registry.groups()) {
    for (const version of versions) {
      const key = group ? `apis/${group}/${version}` : `api/${version}`;
      const hash = createHash("sha512")
        .update(JSON.stringify(openApiV3Document(registry, key)))
        .digest("hex")
        .toUpperCase();
      paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
    }
  }
  return { paths };
}

export function openApiV2(registry: ResourceRegistry): Record<string, unknown> {
  const definitions: Record<string, unknown> = { [objectMetaRef]: objectMetaSchema };
  for (const { group, versions } of registry.groups()) {
    for (const version of versions) {
      for (const type of registry.resources(group, version))
        definitions[definitionName(type)] = schemaOf(type, "#/definitions/");
    }
  }
  return { swagger: "2.0", info: { title: "Kubernetes", version: "unversioned" }, paths: {}, definitions };
}
