/**
 * The structural-schema rules of apiextensions.k8s.io/v1, as the API server enforces them on a
 * CRD version's `openAPIV3Schema`: a type at every level (unless int-or-string or
 * preserve-unknown-fields), no `$ref`/`definitions`, no `additionalProperties` beside
 * `properties`, value validations only inside anyOf/allOf/oneOf/not, `x-kubernetes-*` where
 * allowed, int-or-string's anyOf shape, only name/generateName under the root `metadata`, no
 * `uniqueItems: true`, enums and defaults valid against their schema.
 */
import type { JSONSchemaProps, JsonValue } from "./model.js";
import { compilePattern, validateValue } from "./validate_value.js";

/** One violation: the JSON path in the schema (`.properties.spec…`) and what is wrong. */
export interface StructuralViolation {
  path: string;
  message: string;
}

const types = new Set(["object", "array", "string", "integer", "number", "boolean"]);
const junctorForbidden = [
  "type",
  "description",
  "default",
  "nullable",
  "additionalProperties",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-map-type",
] as const;

/** Checks a CRD version's root schema; an empty list means the API server accepts it. */
export function checkStructural(root: JSONSchemaProps): StructuralViolation[] {
  const violations: StructuralViolation[] = [];
  if (root.type !== "object") violations.push({ path: "", message: "the root schema must have type: object" });
  if (root.nullable) violations.push({ path: "", message: "the root schema must not be nullable" });
  const metadata = root.properties?.["metadata"];
  if (metadata) checkMetadata(metadata, ".properties.metadata", violations);
  checkNode(root, "", violations, false);
  return violations;
}

function checkMetadata(metadata: JSONSchemaProps, path: string, violations: StructuralViolation[]): void {
  if (metadata.type !== "object") violations.push({ path, message: "metadata must have type: object" });
  for (const name of Object.keys(metadata.properties ?? {})) {
    if (name !== "name" && name !== "generateName") {
      violations.push({
        path: `${path}.properties.${name}`,
        message: "only name and generateName may be specified under metadata",
      });
    }
  }
  for (const key of ["additionalProperties", "x-kubernetes-preserve-unknown-fields", "default"] as const) {
    if (metadata[key] !== undefined) violations.push({ path, message: `metadata must not set ${key}` });
  }
}

function checkNode(schema: JSONSchemaProps, path: string, violations: StructuralViolation[], inJunctor: boolean): void {
  const report = (message: string, at = path) => violations.push({ path: at, message });
  if (schema.$ref !== undefined) report("$ref is not allowed: the schema must be inlined");
  if (schema.definitions !== undefined) report("definitions are not allowed: the schema must be inlined");
  if (schema.uniqueItems === true)
    report("uniqueItems cannot be true (its cost is quadratic); use x-kubernetes-list-type: set");
  if (schema.additionalProperties === false) report("additionalProperties: false is not allowed");
  if (schema.properties && schema.additionalProperties !== undefined)
    report("additionalProperties and properties are mutually exclusive");
  const intOrString = schema["x-kubernetes-int-or-string"] === true;
  const preserve = schema["x-kubernetes-preserve-unknown-fields"];
  if (preserve === false) report("x-kubernetes-preserve-unknown-fields must be true or absent");
  if (inJunctor) {
    for (const key of junctorForbidden)
      if (schema[key] !== undefined) report(`${key} is not allowed inside anyOf/allOf/oneOf/not`);
  } else {
    if (schema.type === undefined && !intOrString && preserve !== true)
      report("type is required (every level of a structural schema has a type)");
    if (schema.type !== undefined && !types.has(schema.type)) report(`unknown type ${JSON.stringify(schema.type)}`);
  }
  if (intOrString) checkIntOrString(schema, report);
  checkExtensions(schema, report);
  const pattern = schema.pattern === undefined ? undefined : compilePattern(schema.pattern);
  if (pattern && "error" in pattern) {
    // kube-apiserver's words (apiextensions-apiserver pkg/apiserver/schema/validation.go)
    report(`pattern ${JSON.stringify(schema.pattern)} must be a valid regular expression, but isn't: ${pattern.error}`);
  }
  for (const value of schema.enum ?? []) {
    const { enum: _enum, default: _default, ...rest } = schema;
    for (const problem of validateValue(value, rest))
      report(`enum value ${JSON.stringify(value)} is invalid: ${problem}`);
  }
  if (schema.default !== undefined) {
    const { default: value, ...rest } = schema;
    for (const problem of validateValue(value as JsonValue, rest)) report(`default is invalid: ${problem}`);
  }
  for (const rule of schema["x-kubernetes-validations"] ?? []) {
    if (rule.rule.trim() === "") report("x-kubernetes-validations rule must not be empty");
  }
  if (schema.items) checkNode(schema.items, `${path}.items`, violations, inJunctor);
  if (schema.items && schema.type !== undefined && schema.type !== "array")
    report("items is only allowed with type: array");
  if (typeof schema.additionalProperties === "object")
    checkNode(schema.additionalProperties, `${path}.additionalProperties`, violations, inJunctor);
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    checkNode(child, `${path}.properties.${name}`, violations, inJunctor);
  for (const junctor of ["anyOf", "allOf", "oneOf"] as const) {
    schema[junctor]?.forEach((child, index) =>
      checkNode(child, `${path}.${junctor}[${index}]`, violations, !isIntOrStringBranch(schema, junctor, child)),
    );
  }
  if (schema.not) checkNode(schema.not, `${path}.not`, violations, true);
}

/** The int-or-string anyOf branches may carry `type`; that is the one exception. */
function isIntOrStringBranch(schema: JSONSchemaProps, junctor: string, child: JSONSchemaProps): boolean {
  return (
    schema["x-kubernetes-int-or-string"] === true &&
    junctor === "anyOf" &&
    Object.keys(child).length === 1 &&
    (child.type === "integer" || child.type === "string")
  );
}

function checkIntOrString(schema: JSONSchemaProps, report: (message: string) => void): void {
  if (schema.type !== undefined) report("x-kubernetes-int-or-string: true requires type to be empty");
  const shape = (anyOf: readonly JSONSchemaProps[] | undefined) =>
    anyOf !== undefined && anyOf.length === 2 && anyOf[0]?.type === "integer" && anyOf[1]?.type === "string";
  const inAllOf = schema.allOf?.some((part) => shape(part.anyOf)) ?? false;
  if (schema.anyOf !== undefined && !shape(schema.anyOf) && !inAllOf)
    report("x-kubernetes-int-or-string requires anyOf to be [{type: integer}, {type: string}]");
}

function checkExtensions(schema: JSONSchemaProps, report: (message: string) => void): void {
  const listType = schema["x-kubernetes-list-type"];
  if (listType !== undefined) {
    if (schema.type !== "array") report("x-kubernetes-list-type is only allowed on arrays");
    if (!["atomic", "set", "map"].includes(listType))
      report(`x-kubernetes-list-type must be atomic, set or map, got ${JSON.stringify(listType)}`);
    if (listType === "map") checkListMap(schema, report);
    if (
      listType === "set" &&
      schema.items &&
      schema.items.type === "object" &&
      schema.items["x-kubernetes-map-type"] !== "atomic"
    ) {
      report("x-kubernetes-list-type: set requires scalar items or atomic objects");
    }
  }
  if (schema["x-kubernetes-list-map-keys"] !== undefined && listType !== "map")
    report("x-kubernetes-list-map-keys requires x-kubernetes-list-type: map");
  const mapType = schema["x-kubernetes-map-type"];
  if (mapType !== undefined) {
    if (schema.type !== "object") report("x-kubernetes-map-type is only allowed on objects");
    if (!["granular", "atomic"].includes(mapType))
      report(`x-kubernetes-map-type must be granular or atomic, got ${JSON.stringify(mapType)}`);
  }
  if (schema["x-kubernetes-embedded-resource"] === true) {
    if (schema.type !== "object") report("x-kubernetes-embedded-resource requires type: object");
    if (!schema.properties && schema["x-kubernetes-preserve-unknown-fields"] !== true) {
      report("x-kubernetes-embedded-resource requires properties or x-kubernetes-preserve-unknown-fields: true");
    }
  }
}

function checkListMap(schema: JSONSchemaProps, report: (message: string) => void): void {
  const keys = schema["x-kubernetes-list-map-keys"] ?? [];
  if (keys.length === 0) report("x-kubernetes-list-type: map requires x-kubernetes-list-map-keys (+listMapKey)");
  const items = schema.items;
  if (!items || items.type !== "object") {
    report("x-kubernetes-list-type: map requires items of type object");
    return;
  }
  for (const key of keys) {
    const property = items.properties?.[key];
    if (!property) report(`list map key ${JSON.stringify(key)} is not a property of the items`);
    else if (!(items.required ?? []).includes(key) && property.default === undefined) {
      report(`list map key ${JSON.stringify(key)} must be required or have a default`);
    }
  }
}
