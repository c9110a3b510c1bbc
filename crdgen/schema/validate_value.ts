/**
 * Validates a JSON value (a default or an example) against a structural schema, the way the
 * API server's OpenAPI validator does for CRD defaults: types, enums, bounds, lengths, patterns,
 * items, properties, required and int-or-string. Returns one message per problem.
 */
import { RE2JS } from "re2js";
import type { JSONSchemaProps, JsonValue } from "./model.js";

/** Problems of `value` against `schema`, each prefixed by the JSON path below `path`. */
export function validateValue(value: JsonValue, schema: JSONSchemaProps, path = ""): string[] {
  const at = path === "" ? "" : `${path}: `;
  if (value === null) return schema.nullable ? [] : [`${at}null is not allowed (the schema is not nullable)`];
  const problems: string[] = [];
  const type = schema.type;
  if (schema["x-kubernetes-int-or-string"]) {
    if (!(typeof value === "string" || (typeof value === "number" && Number.isInteger(value)))) {
      problems.push(`${at}must be an integer or a string, got ${describe(value)}`);
    }
  } else if (type !== undefined && !hasType(value, type)) {
    return [`${at}must be of type ${type}, got ${describe(value)}`];
  }
  if (schema.enum && !schema.enum.some((allowed) => deepEqual(allowed, value))) {
    problems.push(
      `${at}must be one of ${schema.enum.map((allowed) => JSON.stringify(allowed)).join(", ")}, got ${JSON.stringify(value)}`,
    );
  }
  if (typeof value === "number") problems.push(...numberProblems(value, schema, at));
  if (typeof value === "string") problems.push(...stringProblems(value, schema, at));
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${at}must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${at}must have at most ${schema.maxItems} items`);
    if (schema.items)
      value.forEach((item, index) =>
        problems.push(...validateValue(item, schema.items as JSONSchemaProps, `${path}[${index}]`)),
      );
  } else if (typeof value === "object") {
    problems.push(...objectProblems(value, schema, path, at));
  }
  return problems;
}

function objectProblems(
  value: { [key: string]: JsonValue },
  schema: JSONSchemaProps,
  path: string,
  at: string,
): string[] {
  const problems: string[] = [];
  const keys = Object.keys(value);
  if (schema.minProperties !== undefined && keys.length < schema.minProperties)
    problems.push(`${at}must have at least ${schema.minProperties} properties`);
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties)
    problems.push(`${at}must have at most ${schema.maxProperties} properties`);
  for (const required of schema.required ?? []) {
    const property = schema.properties?.[required];
    if (!(required in value) && property?.default === undefined)
      problems.push(`${at}missing required property ${JSON.stringify(required)}`);
  }
  for (const key of keys) {
    const child = `${path}.${key}`;
    const property = schema.properties?.[key];
    if (property) problems.push(...validateValue(value[key] as JsonValue, property, child));
    else if (typeof schema.additionalProperties === "object")
      problems.push(...validateValue(value[key] as JsonValue, schema.additionalProperties, child));
    else if (schema.properties && !schema["x-kubernetes-preserve-unknown-fields"]) {
      problems.push(`${at}unknown property ${JSON.stringify(key)} would be pruned (defaults must be pruned)`);
    }
  }
  return problems;
}

function numberProblems(value: number, schema: JSONSchemaProps, at: string): string[] {
  const problems: string[] = [];
  if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
    problems.push(
      `${at}must be ${schema.exclusiveMinimum ? "greater than" : "greater than or equal to"} ${schema.minimum}, got ${value}`,
    );
  }
  if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
    problems.push(
      `${at}must be ${schema.exclusiveMaximum ? "less than" : "less than or equal to"} ${schema.maximum}, got ${value}`,
    );
  }
  if (schema.multipleOf !== undefined && schema.multipleOf !== 0) {
    const quotient = value / schema.multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9)
      problems.push(`${at}must be a multiple of ${schema.multipleOf}, got ${value}`);
  }
  return problems;
}

function stringProblems(value: string, schema: JSONSchemaProps, at: string): string[] {
  const problems: string[] = [];
  const length = Array.from(value).length;
  if (schema.minLength !== undefined && length < schema.minLength)
    problems.push(`${at}must be at least ${schema.minLength} characters long`);
  if (schema.maxLength !== undefined && length > schema.maxLength)
    problems.push(`${at}must be at most ${schema.maxLength} characters long`);
  if (schema.pattern !== undefined) {
    const pattern = compilePattern(schema.pattern);
    if ("test" in pattern && !pattern.test(value))
      problems.push(`${at}must match the pattern ${schema.pattern}, got ${JSON.stringify(value)}`);
  }
  return problems;
}

/**
 * Compiles a schema pattern as the API server does, with Go's regexp (RE2 syntax, Perl flags):
 * re2js is a port of the same parser, so it accepts and rejects the same patterns, with Go's
 * messages (`error parsing regexp: missing closing ): \`(abc\``).
 */
export function compilePattern(pattern: string): CompiledPattern {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    try {
      const re2 = RE2JS.compile(pattern);
      // Go's MatchString: a match anywhere in the value
      compiled = { test: (value) => re2.test(value) };
    } catch (error) {
      compiled = { error: (error as Error).message };
    }
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** A compiled pattern, or Go's parse error. */
export type CompiledPattern = { test: (value: string) => boolean } | { error: string };

const compiledPatterns = new Map<string, CompiledPattern>();

function hasType(value: JsonValue, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Structural equality of JSON values. */
export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index] as JsonValue));
  const aKeys = Object.keys(a),
    bKeys = Object.keys(b);
  const bObject = b as { [key: string]: JsonValue };
  return (
    aKeys.length === bKeys.length &&
    aKeys.every(
      (key) =>
        key in bObject && deepEqual((a as { [key: string]: JsonValue })[key] as JsonValue, bObject[key] as JsonValue),
    )
  );
}
