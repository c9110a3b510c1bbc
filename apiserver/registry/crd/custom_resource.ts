/**
 * Resource types for the served versions of a CRD, and the custom resource strategy: pruning of
 * unknown fields, defaulting, structural-schema validation and x-kubernetes-validations (CEL).
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { celErrorsAfterSchema } from "../../validation/cel_rules.js";
import { validateEmbeddedResources } from "../../validation/embedded_resource.js";
import { validateAgainstSchema } from "../../validation/openapi_validator.js";
import {
  applyDefaults,
  prune,
  pruneNulls,
  validateListSets,
  type JsonSchema,
} from "../../validation/structural_schema.js";
import { ageColumn, cellForJsonValue, creationTimestampDescription, nameColumn } from "../printing.js";
import { findJsonPathResults, JsonPathError, parseJsonPath } from "../jsonpath.js";
import { defaultDeprecationWarning } from "./version_priority.js";
import { validateScaleSpec, validateScaleStatus } from "./scale_validation.js";
import { webhookConverter, type ConversionSpec } from "./conversion_webhook.js";
import {
  collectionOf,
  customResourceVerbs,
  type PrinterColumn,
  type ResourceStrategy,
  type ResourceType,
} from "../resource_type.js";

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: { openAPIV3Schema?: JsonSchema };
  subresources?: {
    status?: object;
    scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  };
  additionalPrinterColumns?: {
    name: string;
    type: string;
    format?: string;
    description?: string;
    priority?: number;
    jsonPath: string;
  }[];
}

export interface CrdSpec {
  group: string;
  names: {
    plural: string;
    singular?: string;
    kind: string;
    listKind?: string;
    shortNames?: string[];
    categories?: string[];
  };
  scope: "Namespaced" | "Cluster";
  versions: CrdVersion[];
  conversion?: ConversionSpec | null;
}

function columnsOf(version: CrdVersion): PrinterColumn[] {
  const declared = version.additionalPrinterColumns ?? [];
  if (!declared.length) {
    // kube-apiserver's default for a CRD without printer columns: Name and Age.
    return [nameColumn, { ...ageColumn, type: "date", description: creationTimestampDescription }];
  }
  return [
    nameColumn,
    ...declared.map((column): PrinterColumn => {
      const steps = columnPath(column.jsonPath);
      return {
        name: column.name,
        type: column.type,
        format: column.format ?? "",
        description: column.description ?? `Custom resource definition column (in JSONPath format): ${column.jsonPath}`,
        priority: column.priority ?? 0,
        cell: (object, now) => cellForJsonValue(column.type, firstResult(object, steps), now),
      };
    }),
  ];
}

/** A printer column's parsed path; one that does not parse shows no value, as the table convertor's. */
function columnPath(path: string): ReturnType<typeof parseJsonPath> | undefined {
  try {
    return parseJsonPath(path);
  } catch (error) {
    if (error instanceof JsonPathError) return undefined;
    throw error;
  }
}

/** The first value a column's path finds (the table convertor's results[0][0]), or undefined on an error. */
function firstResult(object: KubeObject, steps: ReturnType<typeof parseJsonPath> | undefined): unknown {
  if (!steps) return undefined;
  try {
    return findJsonPathResults(object, steps)[0];
  } catch (error) {
    if (error instanceof JsonPathError) return undefined;
    throw error;
  }
}

/** The object without apiVersion, kind and metadata, which the schema validation leaves to others. */
function withoutTypeMeta(object: KubeObject): Record<string, unknown> {
  const body: Record<string, unknown> = { ...object };
  delete body.metadata;
  delete body.apiVersion;
  delete body.kind;
  return body;
}

function strategyOf(version: CrdVersion, kind: string): ResourceStrategy {
  const schema = version.schema?.openAPIV3Schema ?? { type: "object", "x-kubernetes-preserve-unknown-fields": true };
  const resourceSchema: JsonSchema = { ...schema, properties: { ...schema.properties } };
  delete resourceSchema.properties?.metadata;
  delete resourceSchema.properties?.apiVersion;
  delete resourceSchema.properties?.kind;
  return {
    normalize(object) {
      const warnings = prune(schema, object, "", true).map((path) => `unknown field "${path}"`);
      pruneNulls(schema, object);
      applyDefaults(schema, object);
      return warnings;
    },
    validate(object, old, context) {
      const scale = version.subresources?.scale;
      // A body of another kind fails ValidateTypeMeta, which stands for the schema and scale
      // checks; the embedded-resource, list and CEL checks still run after it.
      const typeMetaErrors =
        object.kind === kind ? undefined : [fieldErrors.invalid("kind", object.kind, `must be ${kind}`)];
      // A /status write is validated as the status strategy does: status against its own schema
      // (paths relative to it, reported under "status"), and the status half of the scale checks.
      const errors: FieldError[] = typeMetaErrors
        ? typeMetaErrors
        : context?.subresource === "status"
          ? [
              ...(object.status !== undefined && schema.properties?.status
                ? validateAgainstSchema(
                    schema.properties.status,
                    object.status,
                    "status",
                    old ? { value: old.status } : undefined,
                  )
                : []),
              ...validateScaleStatus(object, scale),
            ]
          : [
              ...validateAgainstSchema(
                resourceSchema,
                withoutTypeMeta(object),
                "",
                old ? { value: withoutTypeMeta(old) } : undefined,
              ),
              ...validateScaleSpec(object, scale),
              ...validateScaleStatus(object, scale),
            ];
      errors.push(...validateEmbeddedResources(resourceSchema, withoutTypeMeta(object)));
      errors.push(...validateListSets(resourceSchema, withoutTypeMeta(object), ""));
      // The whole object is validated on every write: a main-resource write carries the stored status.
      errors.push(
        ...celErrorsAfterSchema(schema, [...(context?.previous ?? []), ...errors], object, old, context?.warnings),
      );
      return errors;
    },
    columns: columnsOf(version),
  };
}

/** The resource types a CRD serves, one per served version. */
export function customResourceTypes(spec: CrdSpec): ResourceType[] {
  const storage = spec.versions.find((version) => version.storage)?.name ?? spec.versions[0]?.name ?? "";
  const webhookConversion = webhookConversionOf(spec);
  return spec.versions
    .filter((version) => version.served)
    .map((version) => {
      const scale = version.subresources?.scale;
      const hasStatus = version.subresources?.status !== undefined;
      return {
        group: spec.group,
        version: version.name,
        resource: spec.names.plural,
        singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
        kind: spec.names.kind,
        listKind: spec.names.listKind ?? `${spec.names.kind}List`,
        namespaced: spec.scope === "Namespaced",
        shortNames: spec.names.shortNames ?? [],
        categories: spec.names.categories ?? [],
        verbs: [...customResourceVerbs],
        statusSubresource: hasStatus,
        scale: scale
          ? {
              specReplicasPath: scale.specReplicasPath,
              statusReplicasPath: scale.statusReplicasPath,
              labelSelectorPath: scale.labelSelectorPath,
            }
          : undefined,
        strategicMerge: false,
        tracksGeneration: true,
        collection: collectionOf(spec.group, spec.names.plural),
        storageVersion: storage,
        strategy: strategyOf(version, spec.names.kind),
        webhookConversion,
        openApiSchema: version.schema?.openAPIV3Schema as Record<string, unknown> | undefined,
        deprecationWarning: version.deprecated
          ? (version.deprecationWarning ?? defaultDeprecationWarning(spec, version.name))
          : undefined,
      } satisfies ResourceType;
    });
}

/**
 * The converter every version of a Webhook-strategy CRD shares. Each converted object is pruned
 * and defaulted by its new version's schema, as the storage codec's schemaCoercingConverter and
 * defaulter do.
 */
function webhookConversionOf(spec: CrdSpec): ResourceType["webhookConversion"] {
  if (spec.conversion?.strategy !== "Webhook") return undefined;
  const converter = webhookConverter(`${spec.names.plural}.${spec.group}`, spec.conversion.webhook ?? {});
  const strategies = new Map(
    spec.versions.map((version) => [`${spec.group}/${version.name}`, strategyOf(version, spec.names.kind)]),
  );
  const schemas = Object.fromEntries(
    spec.versions.map((version) => [
      `${spec.group}/${version.name}`,
      version.schema?.openAPIV3Schema as Record<string, unknown> | undefined,
    ]),
  );
  return {
    schemas,
    async convert(objects, desiredApiVersion) {
      const converted = await converter.convert(objects, desiredApiVersion);
      const normalize = strategies.get(desiredApiVersion)?.normalize;
      if (normalize) {
        converted.forEach((object, index) => {
          if (object !== objects[index]) normalize(object, { pruneUnknown: true });
        });
      }
      return converted;
    },
  };
}

export type { KubeObject };
