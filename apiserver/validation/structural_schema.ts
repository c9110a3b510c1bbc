/**
 * Structural-schema validation of custom resources with kube-apiserver's wording
 * (apiextensions-apiserver validation via kube-openapi, mapped to field errors).
 */
import { fieldErrors, type FieldError } from "../http/status.js";

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
  "x-kubernetes-validations"?: { rule: string; message?: string; messageExpression?: string; reason?: string; fieldPath?: string; optionalOldSelf?: boolean }[];
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

function typeMatches(schema: JsonSchema, value: unknown): boolean {
  if (schema["x-kubernetes-int-or-string"]) return typeof value === "string" || (typeof value === "number" && Number.isInteger(value));
  switch (schema.type) {
    case undefined:
    case "":
      return true;
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return true;
  }
}

const formats: Record<string, RegExp> = {
  "date-time": /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/,
  ipv4: /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/,
  hostname: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  email: /^[^@\s]+@[^@\s]+$/,
  byte: /^[A-Za-z0-9+/]*={0,2}$/,
};

function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** Validates `value` at `path`; returns every error, in field order. */
export function validateSchema(schema: JsonSchema, value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (value === null) {
    if (!schema.nullable && schema.type) {
      errors.push(fieldErrors.typeInvalid(path, "null", `${path} in body must be of type ${schema.type}: "null"`));
    }
    return errors;
  }
  if (!typeMatches(schema, value)) {
    const expected = schema["x-kubernetes-int-or-string"] ? "integer,string" : (schema.type ?? "");
    errors.push(fieldErrors.typeInvalid(path, jsonTypeOf(value), `${path} in body must be of type ${expected}: "${jsonTypeOf(value)}"`));
    return errors;
  }
  if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    errors.push(fieldErrors.notSupported(path, value, schema.enum.map((item) => (typeof item === "string" ? item : JSON.stringify(item)))));
  }
  if (typeof value === "number") {
    if (schema.maximum !== undefined) {
      if (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum) {
        errors.push(fieldErrors.invalid(path, value, `${path} in body should be less than ${schema.exclusiveMaximum ? "" : "or equal to "}${schema.maximum}`));
      }
    }
    if (schema.minimum !== undefined) {
      if (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum) {
        errors.push(fieldErrors.invalid(path, value, `${path} in body should be greater than ${schema.exclusiveMinimum ? "" : "or equal to "}${schema.minimum}`));
      }
    }
    if (schema.multipleOf !== undefined && schema.multipleOf > 0 && Math.abs(value / schema.multipleOf - Math.round(value / schema.multipleOf)) > 1e-9) {
      errors.push(fieldErrors.invalid(path, value, `${path} in body should be a multiple of ${schema.multipleOf}`));
    }
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (schema.maxLength !== undefined && length > schema.maxLength) errors.push(fieldErrors.tooLong(path, schema.maxLength));
    if (schema.minLength !== undefined && length < schema.minLength) {
      errors.push(fieldErrors.invalid(path, value, `${path} in body should be at least ${schema.minLength} chars long`));
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
      errors.push(fieldErrors.invalid(path, value, `${path} in body should match '${schema.pattern}'`));
    }
    const format = schema.format ? formats[schema.format] : undefined;
    if (format && !schema["x-kubernetes-int-or-string"] && !format.test(value)) {
      errors.push(fieldErrors.invalid(path, value, `${path} in body must be of type ${schema.format}: ${JSON.stringify(value)}`));
    }
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(fieldErrors.tooMany(path, value.length, schema.maxItems));
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      errors.push(fieldErrors.invalid(path, value.length, `${path} in body should have at least ${schema.minItems} items`));
    }
    if (schema.uniqueItems || schema["x-kubernetes-list-type"] === "set") {
      const seen = new Set<string>();
      value.forEach((item, index) => {
        const key = JSON.stringify(item);
        if (seen.has(key)) errors.push(fieldErrors.duplicate(`${path}[${index}]`, item));
        seen.add(key);
      });
    }
    if (schema.items) value.forEach((item, index) => errors.push(...validateSchema(schema.items as JsonSchema, item, `${path}[${index}]`)));
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
      errors.push(fieldErrors.tooMany(path, keys.length, schema.maxProperties));
    }
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
      errors.push(fieldErrors.invalid(path, keys.length, `${path} in body should have at least ${schema.minProperties} properties`));
    }
    for (const name of schema.required ?? []) if (!(name in record)) errors.push(fieldErrors.required(child(path, name), ""));
    for (const [name, fieldValue] of Object.entries(record)) {
      const propertySchema = schema.properties?.[name] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      if (propertySchema) errors.push(...validateSchema(propertySchema, fieldValue, child(path, name)));
    }
  }
  for (const sub of schema.allOf ?? []) errors.push(...validateSchema({ ...sub, type: sub.type }, value, path));
  if (schema.anyOf && !schema.anyOf.some((sub) => validateSchema(sub, value, path).length === 0)) {
    errors.push(fieldErrors.invalid(path, value, `${path} in body must be of type ${schema.type ?? "any"}`));
  }
  if (schema.oneOf && schema.oneOf.filter((sub) => validateSchema(sub, value, path).length === 0).length !== 1) {
    errors.push(fieldErrors.invalid(path, value, `${path} in body must validate one and only one schema (oneOf)`));
  }
  if (schema.not && validateSchema(schema.not, value, path).length === 0) {
    errors.push(fieldErrors.invalid(path, value, `${path} in body should not validate the schema (not)`));
  }
  return errors;
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

/** Removes fields the schema does not declare; returns their paths for unknown-field warnings. */
export function prune(schema: JsonSchema, value: unknown, path: string, isRoot = false): string[] {
  if (value === null || typeof value !== "object" || schema["x-kubernetes-preserve-unknown-fields"] && !schema.properties) return [];
  const pruned: string[] = [];
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, index) => pruned.push(...prune(schema.items as JsonSchema, item, `${path}[${index}]`)));
    return pruned;
  }
  const record = value as Record<string, unknown>;
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  for (const name of Object.keys(record)) {
    if (isRoot && (name === "apiVersion" || name === "kind" || name === "metadata")) continue;
    if (schema["x-kubernetes-embedded-resource"] && (name === "apiVersion" || name === "kind" || name === "metadata")) continue;
    const property = schema.properties?.[name] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
    if (property) pruned.push(...prune(property, record[name], child(path, name)));
    else if (!preserve && schema.additionalProperties !== true) {
      delete record[name];
      pruned.push(child(path, name));
    }
  }
  return pruned;
}
