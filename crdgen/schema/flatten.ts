/**
 * Field markers over a named type's schema, merged as controller-gen merges them.
 *
 * controller-gen gives a field of a named type the schema `{$ref, <field markers>}` and, when it
 * inlines the reference (pkg/crd/flatten.go), merges the type's schema and the field's: a keyword
 * only one side sets is kept; the same value on both sides is kept once; `properties`,
 * `required` and `additionalProperties` are merged; `type` stays the type's; the topology
 * keywords and `x-kubernetes-preserve-unknown-fields` take the field's value; CEL rules are the
 * field's then the type's; an enum is the type's when it has one. Any other keyword set to
 * different values on both sides is moved into `allOf: [{<type's>}, {<field's>}]`, so that both
 * constraints hold (a type's `minLength: 4` and a field's `minLength: 10` become
 * `allOf: [{minLength: 4}, {minLength: 10}]`). Keywords Go keeps behind pointers (numbers,
 * defaults, items) are never "the same value" there, so they move into allOf even when equal.
 */
import type { JSONSchemaProps } from "./model.js";

type Key = keyof JSONSchemaProps;

/** Keywords compared by value (Go strings and booleans); every other conflicting keyword is hoisted. */
const comparedByValue = new Set<Key>([
  "type",
  "format",
  "pattern",
  "nullable",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "uniqueItems",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-int-or-string",
]);

/** Documentation keywords: the field's wins over the type's, and they never conflict. */
const documentation = new Set<Key>(["title", "description", "example"]);

/** Keywords whose value the field replaces. */
const fieldWins = new Set<Key>([
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-map-type",
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
]);

/** The schema of a field of a named type: `typeSchema` with the field's own schema merged over it. */
export function mergeFieldOverType(typeSchema: JSONSchemaProps, fieldSchema: JSONSchemaProps): JSONSchemaProps {
  const merged: JSONSchemaProps = {};
  flattenInto(merged, typeSchema);
  flattenInto(merged, fieldSchema);
  for (const key of documentation) {
    const value = fieldSchema[key] ?? typeSchema[key];
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Merges an embedded struct's schema into the embedding struct's, as controller-gen flattens its allOf. */
export function mergeEmbedded(target: JSONSchemaProps, embedded: JSONSchemaProps): void {
  flattenInto(target, embedded);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === false || value === "") return true;
  return Array.isArray(value) && value.length === 0;
}

/** controller-gen's flattenAllOfInto: merges `source` into `target`, hoisting conflicts into allOf. */
function flattenInto(target: JSONSchemaProps, source: JSONSchemaProps): void {
  for (const part of source.allOf ?? []) flattenInto(target, part);
  const record = target as Record<string, unknown>;
  const targetRest: Record<string, unknown> = {};
  const sourceRest: Record<string, unknown> = {};
  for (const key of Object.keys(source) as Key[]) {
    if (key === "allOf" || documentation.has(key)) continue;
    const value = source[key];
    if (isEmpty(value)) continue;
    if (key === "enum") {
      if (isEmpty(target.enum)) target.enum = [...(source.enum ?? [])];
      continue;
    }
    const existing = target[key];
    if (isEmpty(existing)) {
      record[key] = value;
      continue;
    }
    if (comparedByValue.has(key) && existing === value) continue;
    // uselessctl's XIntOrString writes the anyOf that controller-gen adds after flattening
    if (key === "anyOf" && JSON.stringify(existing) === JSON.stringify(value)) continue;
    if (key === "type" || key === "$ref" || key === "definitions") continue;
    if (fieldWins.has(key)) record[key] = value;
    else if (key === "properties") mergeProperties(target, source);
    else if (key === "required") target.required = [...(target.required ?? []), ...(source.required ?? [])];
    else if (key === "additionalProperties") mergeAdditionalProperties(target, source);
    else if (key === "x-kubernetes-validations")
      target["x-kubernetes-validations"] = [...(source["x-kubernetes-validations"] ?? []), ...(existing as [])];
    else if ((key === "minProperties" || key === "maxProperties") && existing === value) continue;
    else {
      targetRest[key] = existing;
      sourceRest[key] = value;
      Reflect.deleteProperty(record, key);
    }
  }
  if (Object.keys(sourceRest).length > 0) target.allOf = [...(target.allOf ?? []), targetRest, sourceRest];
  if (target.required) target.required = [...new Set(target.required)].sort();
}

function mergeProperties(target: JSONSchemaProps, source: JSONSchemaProps): void {
  const properties = { ...target.properties };
  for (const [name, schema] of Object.entries(source.properties ?? {})) {
    const existing = properties[name];
    if (existing === undefined) properties[name] = schema;
    else {
      const merged = { ...existing };
      flattenInto(merged, schema);
      properties[name] = merged;
    }
  }
  target.properties = properties;
}

function mergeAdditionalProperties(target: JSONSchemaProps, source: JSONSchemaProps): void {
  if (typeof source.additionalProperties !== "object") return;
  const merged = typeof target.additionalProperties === "object" ? { ...target.additionalProperties } : {};
  flattenInto(merged, source.additionalProperties);
  target.additionalProperties = merged;
}
