/**
 * The internal (hub) form kube-apiserver validates a CustomResourceDefinition in. Converting from
 * v1 hoists per-version schemas, subresources and printer columns to spec.validation,
 * spec.subresources and spec.additionalPrinterColumns when every version has the same value, which
 * is why validation errors name `spec.validation.openAPIV3Schema...` for most CRDs. Values printed
 * in errors are the JSON of these internal Go structs: field names as in Go, every field present.
 */
import { goJsonMarshal } from "../../errors/go_format.js";
import type { JsonSchema } from "../../validation/structural_schema.js";
import type { CrdSpec, CrdVersion } from "./custom_resource.js";

/** A CRD spec after the v1-to-internal conversion. */
export interface InternalCrdSpec {
  versions: CrdVersion[];
  /** The schema every version shares, when hoisted. */
  validation: { openAPIV3Schema?: JsonSchema } | undefined;
  subresources: CrdVersion["subresources"];
  additionalPrinterColumns: CrdVersion["additionalPrinterColumns"];
}

/** A canonical text for apiequality.Semantic.DeepEqual, which treats nil and empty alike. */
function semantic(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return value.length ? `[${value.map(semantic).join(",")}]` : "null";
  if (typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${semantic((value as Record<string, unknown>)[key])}`);
    return entries.length ? `{${entries.join(",")}}` : "null";
  }
  return JSON.stringify(value);
}

function allIdentical(versions: CrdVersion[], pick: (version: CrdVersion) => unknown): boolean {
  const first = semantic(pick(versions[0] as CrdVersion));
  return versions.every((version) => semantic(pick(version)) === first);
}

/** Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec's hoisting. */
export function toInternalSpec(spec: Partial<CrdSpec>): InternalCrdSpec {
  const versions = (Array.isArray(spec.versions) ? spec.versions : []).map((version) => ({ ...version }));
  const internal: InternalCrdSpec = {
    versions,
    validation: undefined,
    subresources: undefined,
    additionalPrinterColumns: undefined,
  };
  if (!versions.length) return internal;
  const first = versions[0] as CrdVersion;
  if (allIdentical(versions, (version) => version.schema)) {
    internal.validation = first.schema;
    for (const version of versions) delete version.schema;
  }
  if (allIdentical(versions, (version) => version.subresources)) {
    internal.subresources = first.subresources;
    for (const version of versions) delete version.subresources;
  }
  if (allIdentical(versions, (version) => version.additionalPrinterColumns)) {
    internal.additionalPrinterColumns = first.additionalPrinterColumns;
    for (const version of versions) delete version.additionalPrinterColumns;
  }
  return internal;
}

type Json = Record<string, unknown>;

function sortedMap(map: Record<string, JsonSchema> | undefined): Json | null {
  if (!map) return null;
  const result: Json = {};
  for (const key of Object.keys(map).sort()) result[key] = internalSchema(map[key] as JsonSchema);
  return result;
}

function schemaList(list: JsonSchema[] | undefined): Json[] | null {
  return list ? list.map(internalSchema) : null;
}

function schemaOrBool(value: JsonSchema | boolean | undefined): Json | null {
  if (value === undefined) return null;
  return typeof value === "boolean" ? { Allows: value, Schema: null } : { Allows: true, Schema: internalSchema(value) };
}

/** The internal apiextensions.JSONSchemaProps of a v1 schema, fields in Go's order. */
export function internalSchema(schema: JsonSchema): Json {
  const raw = schema as JsonSchema & Record<string, unknown>;
  const items = raw.items as JsonSchema | JsonSchema[] | undefined;
  const externalDocs = raw.externalDocs as { description?: string; url?: string } | undefined;
  return {
    ID: raw.id ?? "",
    Schema: raw.$schema ?? "",
    Ref: raw.$ref ?? null,
    Description: raw.description ?? "",
    Type: schema.type ?? "",
    Nullable: schema.nullable ?? false,
    Format: schema.format ?? "",
    Title: raw.title ?? "",
    Default: schema.default ?? null,
    Maximum: schema.maximum ?? null,
    ExclusiveMaximum: schema.exclusiveMaximum ?? false,
    Minimum: schema.minimum ?? null,
    ExclusiveMinimum: schema.exclusiveMinimum ?? false,
    MaxLength: schema.maxLength ?? null,
    MinLength: schema.minLength ?? null,
    Pattern: schema.pattern ?? "",
    MaxItems: schema.maxItems ?? null,
    MinItems: schema.minItems ?? null,
    UniqueItems: schema.uniqueItems ?? false,
    MultipleOf: schema.multipleOf ?? null,
    Enum: schema.enum ?? null,
    MaxProperties: schema.maxProperties ?? null,
    MinProperties: schema.minProperties ?? null,
    Required: schema.required ?? null,
    Items:
      items === undefined
        ? null
        : Array.isArray(items)
          ? { Schema: null, JSONSchemas: items.map(internalSchema) }
          : { Schema: internalSchema(items), JSONSchemas: null },
    AllOf: schemaList(schema.allOf),
    OneOf: schemaList(schema.oneOf),
    AnyOf: schemaList(schema.anyOf),
    Not: schema.not ? internalSchema(schema.not) : null,
    Properties: sortedMap(schema.properties),
    AdditionalProperties: schemaOrBool(schema.additionalProperties),
    PatternProperties: sortedMap(raw.patternProperties as Record<string, JsonSchema> | undefined),
    Dependencies: raw.dependencies ?? null,
    AdditionalItems: schemaOrBool(raw.additionalItems as JsonSchema | boolean | undefined),
    Definitions: sortedMap(raw.definitions as Record<string, JsonSchema> | undefined),
    ExternalDocs: externalDocs ? { Description: externalDocs.description ?? "", URL: externalDocs.url ?? "" } : null,
    Example: raw.example ?? null,
    XPreserveUnknownFields: schema["x-kubernetes-preserve-unknown-fields"] ?? null,
    XEmbeddedResource: schema["x-kubernetes-embedded-resource"] ?? false,
    XIntOrString: schema["x-kubernetes-int-or-string"] ?? false,
    XListMapKeys: schema["x-kubernetes-list-map-keys"] ?? null,
    XListType: schema["x-kubernetes-list-type"] ?? null,
    XMapType: raw["x-kubernetes-map-type"] ?? null,
    XValidations: schema["x-kubernetes-validations"]?.map(internalRule) ?? null,
  };
}

/** The internal apiextensions.ValidationRule of an x-kubernetes-validations entry. */
export function internalRule(rule: NonNullable<JsonSchema["x-kubernetes-validations"]>[number]): Json {
  return {
    Rule: rule.rule,
    Message: rule.message ?? "",
    MessageExpression: rule.messageExpression ?? "",
    Reason: rule.reason ?? null,
    FieldPath: rule.fieldPath ?? "",
    OptionalOldSelf: rule.optionalOldSelf ?? null,
  };
}

function internalVersion(version: CrdVersion): Json {
  const raw = version as CrdVersion & {
    deprecated?: boolean;
    deprecationWarning?: string;
    selectableFields?: { jsonPath: string }[];
  };
  const subresources = version.subresources;
  return {
    Name: version.name ?? "",
    Served: version.served ?? false,
    Storage: version.storage ?? false,
    Deprecated: raw.deprecated ?? false,
    DeprecationWarning: raw.deprecationWarning ?? null,
    Schema: version.schema
      ? { OpenAPIV3Schema: version.schema.openAPIV3Schema ? internalSchema(version.schema.openAPIV3Schema) : null }
      : null,
    Subresources: subresources
      ? {
          Status: subresources.status ? {} : null,
          Scale: subresources.scale
            ? {
                SpecReplicasPath: subresources.scale.specReplicasPath ?? "",
                StatusReplicasPath: subresources.scale.statusReplicasPath ?? "",
                LabelSelectorPath: subresources.scale.labelSelectorPath ?? null,
              }
            : null,
        }
      : null,
    AdditionalPrinterColumns:
      version.additionalPrinterColumns?.map((column) => ({
        Name: column.name ?? "",
        Type: column.type ?? "",
        Format: column.format ?? "",
        Description: column.description ?? "",
        Priority: column.priority ?? 0,
        JSONPath: column.jsonPath ?? "",
      })) ?? null,
    SelectableFields: raw.selectableFields?.map((selectable) => ({ JSONPath: selectable.jsonPath })) ?? null,
  };
}

/** The internal versions as field.Error prints them (`Invalid value: [{"Name":"v1",...}]`). */
export function renderInternalVersions(versions: CrdVersion[]): string {
  return goJsonMarshal(versions.map(internalVersion), true);
}
