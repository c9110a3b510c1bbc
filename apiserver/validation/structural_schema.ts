/**
 * Structural schemas of custom resources: the JSONSchemaProps shape this server evaluates, and
 * the passes apiextensions runs around validation (null pruning, defaulting, pruning of unknown
 * fields, list-set checks). Validation itself is in openapi_validator.ts.
 */
import { fieldErrors, type FieldError } from "../errors/status.js";
import { OBJECT_META_FIELDS } from "./object_meta_schema.js";

/** The parts of a JSONSchemaProps this server evaluates. */
export interface JsonSchema {
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  default?: unknown;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  "x-kubernetes-validations"?: {
    rule: string;
    message?: string;
    messageExpression?: string;
    reason?: string;
    fieldPath?: string;
    optionalOldSelf?: boolean;
  }[];
  "x-kubernetes-list-type"?: string;
  "x-kubernetes-list-map-keys"?: string[];
}

/** The JSON type name kube-openapi reports for a value. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function childSchema(schema: JsonSchema | undefined, name: string): JsonSchema | undefined {
  return (
    schema?.properties?.[name] ??
    (typeof schema?.additionalProperties === "object" ? schema.additionalProperties : undefined)
  );
}

/**
 * The duplicate items of `x-kubernetes-list-type: set` and `map` lists, as apiextensions'
 * listtype validation reports them after the schema errors: one Duplicate error per repeated
 * item, showing the item of a set and the key fields of a map's item.
 */
export function validateListSets(schema: JsonSchema | undefined, value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!schema || value === null || typeof value !== "object") return errors;
  if (Array.isArray(value)) {
    const listType = schema["x-kubernetes-list-type"];
    const mapKeys = listType === "map" ? (schema["x-kubernetes-list-map-keys"] ?? []) : undefined;
    if (listType === "set" || mapKeys) {
      const seen = new Set<string>();
      value.forEach((item, index) => {
        const identity = mapKeys
          ? Object.fromEntries(
              mapKeys
                .filter((key) => (item as Record<string, unknown>)?.[key] !== undefined)
                .map((key) => [key, (item as Record<string, unknown>)[key]]),
            )
          : item;
        const key = JSON.stringify(identity);
        if (seen.has(key)) errors.push(fieldErrors.duplicate(`${path}[${index}]`, identity));
        seen.add(key);
      });
    }
    value.forEach((item, index) => errors.push(...validateListSets(schema.items, item, `${path}[${index}]`)));
    return errors;
  }
  for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    errors.push(...validateListSets(childSchema(schema, name), fieldValue, child(path, name)));
  }
  return errors;
}

/**
 * Removes nulls the schema neither allows (nullable) nor can default, as apiextensions'
 * PruneNonNullableNullsWithoutDefaults does before defaulting: such a field is simply absent.
 */
export function pruneNulls(schema: JsonSchema | undefined, value: unknown): void {
  // Where the schema ends (preserved unknown fields) there is nothing to prune: stop, however deep the value goes.
  if (!schema || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) pruneNulls(schema?.items, item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [name, fieldValue] of Object.entries(record)) {
    const property = childSchema(schema, name);
    if (fieldValue === null && property && !property.nullable && property.default === undefined)
      Reflect.deleteProperty(record, name);
    else pruneNulls(property, fieldValue);
  }
}

/** Applies `default`s to missing (and, when not nullable, null) fields, recursively. */
export function applyDefaults(schema: JsonSchema, value: unknown): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) applyDefaults(schema.items, item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.default !== undefined && (!(name in record) || (record[name] === null && !property.nullable))) {
      record[name] = structuredClone(property.default);
    }
    if (name in record) applyDefaults(property, record[name]);
  }
  if (typeof schema.additionalProperties === "object") {
    for (const child of Object.values(record)) applyDefaults(schema.additionalProperties, child);
  }
}

/** Removes the fields ObjectMeta does not have from an object's metadata; returns their paths. */
function pruneObjectMeta(metadata: unknown, path: string): string[] {
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return [];
  const record = metadata as Record<string, unknown>;
  const unknown = Object.keys(record).filter((field) => !OBJECT_META_FIELDS.has(field));
  for (const field of unknown) Reflect.deleteProperty(record, field);
  return unknown.map((field) => child(path, field));
}

/**
 * Removes fields the schema does not declare; returns their paths for unknown-field warnings.
 * The metadata of the object itself and of every x-kubernetes-embedded-resource is pruned to
 * ObjectMeta's fields, even where unknown fields are otherwise preserved.
 */
export function prune(schema: JsonSchema, value: unknown, path: string, isRoot = false): string[] {
  if (value === null || typeof value !== "object") return [];
  const pruned: string[] = [];
  if ((isRoot || schema["x-kubernetes-embedded-resource"]) && !Array.isArray(value)) {
    pruned.push(...pruneObjectMeta((value as Record<string, unknown>).metadata, child(path, "metadata")));
  }
  if (schema["x-kubernetes-preserve-unknown-fields"] && !schema.properties) return pruned;
  if (Array.isArray(value)) {
    if (schema.items)
      value.forEach((item, index) => pruned.push(...prune(schema.items as JsonSchema, item, `${path}[${index}]`)));
    return pruned;
  }
  const record = value as Record<string, unknown>;
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  for (const name of Object.keys(record)) {
    if (isRoot && (name === "apiVersion" || name === "kind" || name === "metadata")) continue;
    if (schema["x-kubernetes-embedded-resource"] && (name === "apiVersion" || name === "kind" || name === "metadata"))
      continue;
    const property =
      schema.properties?.[name] ??
      (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
    if (property) pruned.push(...prune(property, record[name], child(path, name)));
    else if (!preserve && schema.additionalProperties !== true) {
      Reflect.deleteProperty(record, name);
      pruned.push(child(path, name));
    }
  }
  return pruned;
}
