/**
 * Validation of a custom resource against its CRD's schema as kube-apiserver does it: the
 * kube-openapi SchemaValidator (type, allOf/oneOf/anyOf/not, string, format, number, slice, enum,
 * object validators in that order, each validator's result merged with duplicate messages dropped,
 * MatchCount picking the anyOf/oneOf branch whose errors are reported), then apiextensions'
 * conversion of those results to field errors (kubeOpenAPIResultToFieldErrors).
 *
 * Caveat: kube-openapi walks `properties` in Go map order, which is random per request; this
 * walks them in the schema's declaration order.
 */
import { isDeepStrictEqual } from "node:util";
import { formatGoFloat } from "../errors/go_format.js";
import { fieldErrors, type FieldError } from "../errors/status.js";
import type { JsonSchema } from "./structural_schema.js";

/** One kube-openapi error: a `*errors.Validation` with its code, or a plain (composite) error. */
type OpenApiError =
  | {
      code: "required" | "enum" | "tooLong" | "maxItems" | "tooManyProperties" | "invalidType" | "other";
      name: string;
      value: unknown;
      message: string;
      values?: unknown[];
      limit?: number;
    }
  | { code: "composite"; message: string };

/** A kube-openapi Result: its errors (unique by message) and the MatchCount used to rank branches. */
class Result {
  readonly errors: OpenApiError[] = [];
  matchCount = 0;

  add(...errors: OpenApiError[]): void {
    for (const error of errors)
      if (!this.errors.some((known) => known.message === error.message)) this.errors.push(error);
  }

  merge(...others: (Result | undefined)[]): this {
    for (const other of others) {
      if (!other) continue;
      this.add(...other.errors);
      this.matchCount += other.matchCount;
    }
    return this;
  }

  get valid(): boolean {
    return this.errors.length === 0;
  }
}

function single(error: OpenApiError): Result {
  const result = new Result();
  result.add(error);
  return result;
}

function typesOf(schema: JsonSchema): string[] {
  // apiextensions converts x-kubernetes-int-or-string into the type list [integer, string].
  if (schema["x-kubernetes-int-or-string"]) return ["integer", "string"];
  return schema.type ? [schema.type] : [];
}

/** The JSON type kube-openapi infers for a decoded value (numbers are int64 when integral). */
function schemaTypeOf(value: unknown): string {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (Array.isArray(value)) return "array";
  return "object";
}

/** Whether year-month-day is a day of the calendar, as Go's time.Parse checks. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

function isDate(value: string): boolean {
  const match = datePattern.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isDateTime(value: string): boolean {
  const match = dateTimePattern.exec(value);
  if (!match) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  const offsetInRange = match[9] === undefined || (Number(match[9]) < 24 && Number(match[10]) < 60);
  return (
    isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetInRange
  );
}

const patternFormat = (pattern: RegExp) => (value: string) => pattern.test(value);

/** The formats apiextensions validates strings against, each a predicate on the string. */
const knownFormats: Record<string, (value: string) => boolean> = {
  "date-time": isDateTime,
  datetime: isDateTime,
  date: isDate,
  uuid: patternFormat(/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/),
  ipv4: patternFormat(/^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/),
  hostname: patternFormat(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/),
  email: patternFormat(/^[^@\s]+@[^@\s]+$/),
  // Standard base64 with its padding, as base64.StdEncoding decodes it.
  byte: patternFormat(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/),
};

function invalidType(path: string, typeName: string, value: string): OpenApiError {
  return {
    code: "invalidType",
    name: path,
    value,
    message: `${path} in body must be of type ${typeName}: ${JSON.stringify(value)}`,
  };
}

function validateType(schema: JsonSchema, value: unknown, path: string): Result | undefined {
  const types = typesOf(schema);
  if (!types.length && !schema.format) return undefined;
  const valueType = schemaTypeOf(value);
  const isIntFloat = valueType === "integer" && types.includes("number");
  if (
    typeof value !== "string" &&
    !Array.isArray(value) &&
    schema.format &&
    !(types.includes(valueType) || isIntFloat)
  ) {
    return single(
      invalidType(path, schema.format, valueType === "integer" ? "int64" : valueType === "number" ? "float64" : ""),
    );
  }
  if (
    !types.includes("number") &&
    !types.includes("integer") &&
    schema.format &&
    (typeof value === "string" || Array.isArray(value))
  ) {
    return Object.assign(new Result(), { matchCount: 1 });
  }
  if (!(types.includes(valueType) || isIntFloat)) return single(invalidType(path, types.join(","), valueType));
  return Object.assign(new Result(), { matchCount: 1 });
}

function validateBranches(schema: JsonSchema, value: unknown, path: string, old: Old): Result {
  const result = new Result();
  if (schema.anyOf?.length) {
    let best: Result | undefined;
    let success: Result | undefined;
    for (const branch of schema.anyOf) {
      const outcome = validateNode(branch, value, path, old);
      if (outcome.valid) {
        success = outcome;
        best = undefined;
        break;
      }
      if (!best || outcome.matchCount > best.matchCount) best = outcome;
    }
    if (!success)
      result.add({ code: "composite", message: `${JSON.stringify(path)} must validate at least one schema (anyOf)` });
    result.merge(best ?? success);
  }
  if (schema.oneOf?.length) {
    let best: Result | undefined;
    let success: Result | undefined;
    let validated = 0;
    for (const branch of schema.oneOf) {
      const outcome = validateNode(branch, value, path, old);
      if (outcome.valid) {
        validated++;
        best = undefined;
        success ??= outcome;
      } else if (validated === 0 && (!best || outcome.matchCount > best.matchCount)) best = outcome;
    }
    if (validated !== 1) {
      const detail = validated === 0 ? "Found none valid" : `Found ${validated} valid alternatives`;
      result.add({
        code: "composite",
        message: `${JSON.stringify(path)} must validate one and only one schema (oneOf). ${detail}`,
      });
      result.merge(best);
    } else result.merge(success);
  }
  if (schema.allOf?.length) {
    let validated = 0;
    for (const branch of schema.allOf) {
      const outcome = validateNode(branch, value, path, old);
      if (outcome.valid) validated++;
      result.merge(outcome);
    }
    if (validated !== schema.allOf.length) {
      result.add({
        code: "composite",
        message: `${JSON.stringify(path)} must validate all the schemas (allOf)${validated === 0 ? ". None validated" : ""}`,
      });
    }
  }
  if (schema.not && validateNode(schema.not, value, path, old).valid) {
    result.add({ code: "composite", message: `${JSON.stringify(path)} must not validate the schema (not)` });
  }
  result.matchCount++;
  return result;
}

function validateString(schema: JsonSchema, value: string, path: string): Result | undefined {
  // The string validator reports only its first failure: maxLength, then minLength, then pattern.
  const length = [...value].length;
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    return single({
      code: "tooLong",
      name: path,
      value,
      limit: schema.maxLength,
      message: `${path} in body should be at most ${schema.maxLength} chars long`,
    });
  }
  if (schema.minLength !== undefined && length < schema.minLength) {
    return single({
      code: "other",
      name: path,
      value,
      message: `${path} in body should be at least ${schema.minLength} chars long`,
    });
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    return single({ code: "other", name: path, value, message: `${path} in body should match '${schema.pattern}'` });
  }
  return undefined;
}

function validateFormat(schema: JsonSchema, value: string, path: string): Result | undefined {
  const format = schema.format ? knownFormats[schema.format] : undefined;
  if (!format || format(value)) return undefined;
  return single(invalidType(path, schema.format ?? "", value));
}

function validateNumber(schema: JsonSchema, value: number, path: string): Result {
  const result = new Result();
  const integral = Number.isInteger(value);
  // IsValueValidAgainstRange: an integer schema's value must be integral and fit its format.
  const outOfInt32 = schema.format === "int32" && (value < -2147483648 || value > 2147483647);
  if (schema.type === "integer" && (!integral || outOfInt32)) {
    const format = schema.format ? `with format ${schema.format}` : "(default format)";
    result.add({ code: "composite", message: `Checked value must be of type integer ${format} in ${path}` });
  }
  // Integral values are compared with the bound truncated to int64, and printed as such.
  const bound = (limit: number) => (integral ? String(Math.trunc(limit)) : formatGoFloat(limit));
  const limitOf = (limit: number) => (integral ? Math.trunc(limit) : limit);
  if (schema.multipleOf !== undefined && schema.multipleOf !== 0) {
    const factor = schema.multipleOf;
    const quotient = factor < 1 ? (1 / factor) * value : value / factor;
    const isMultiple =
      integral && Number.isInteger(factor) ? value % factor === 0 : Math.abs(quotient - Math.round(quotient)) < 1e-9;
    if (!isMultiple)
      result.add({
        code: "other",
        name: path,
        value,
        message: `${path} in body should be a multiple of ${formatGoFloat(factor)}`,
      });
  }
  if (schema.minimum !== undefined) {
    const minimum = limitOf(schema.minimum);
    if (schema.exclusiveMinimum ? value <= minimum : value < minimum) {
      const relation = schema.exclusiveMinimum ? "greater than" : "greater than or equal to";
      result.add({
        code: "other",
        name: path,
        value,
        message: `${path} in body should be ${relation} ${bound(schema.minimum)}`,
      });
    }
  }
  if (schema.maximum !== undefined) {
    const maximum = limitOf(schema.maximum);
    if (schema.exclusiveMaximum ? value >= maximum : value > maximum) {
      const relation = schema.exclusiveMaximum ? "less than" : "less than or equal to";
      result.add({
        code: "other",
        name: path,
        value,
        message: `${path} in body should be ${relation} ${bound(schema.maximum)}`,
      });
    }
  }
  result.matchCount++;
  return result;
}

function validateSlice(schema: JsonSchema, value: unknown[], path: string, old: Old): Result {
  const result = new Result();
  if (schema.items) {
    value.forEach((item, index) =>
      result.merge(
        validateNode(schema.items as JsonSchema, item, `${path}[${index}]`, correlatedItem(schema, item, old)),
      ),
    );
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    result.add({
      code: "other",
      name: path,
      value: value.length,
      message: `${path} in body should have at least ${schema.minItems} items`,
    });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    result.add({
      code: "maxItems",
      name: path,
      value: value.length,
      limit: schema.maxItems,
      message: `${path} in body should have at most ${schema.maxItems} items`,
    });
  }
  if (schema.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) {
    result.add({
      code: "other",
      name: path,
      value: undefined,
      message: `${path} in body shouldn't contain duplicates`,
    });
  }
  result.matchCount++;
  return result;
}

function validateEnum(schema: JsonSchema, value: unknown, path: string): Result | undefined {
  if (!schema.enum?.length) return undefined;
  // kube-openapi never matches a null against the enum (reflect.TypeOf(nil) is skipped).
  if (value !== null && schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value)))
    return undefined;
  return single({
    code: "enum",
    name: path,
    value,
    values: schema.enum,
    message: `${path} in body should be one of ${JSON.stringify(schema.enum)}`,
  });
}

function childPath(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function validateObject(schema: JsonSchema, value: Record<string, unknown>, path: string, old: Old): Result {
  const keys = Object.keys(value);
  const result = new Result();
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
    result.add({
      code: "other",
      name: path,
      value: keys.length,
      message: `${path} in body should have at least ${schema.minProperties} properties`,
    });
  }
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    result.add({
      code: "tooManyProperties",
      name: path,
      value: keys.length,
      limit: schema.maxProperties,
      message: `${path} in body should have at most ${schema.maxProperties} properties`,
    });
  }
  const properties = schema.properties ?? {};
  if (typeof schema.additionalProperties === "object") {
    for (const key of keys) {
      if (!(key in properties))
        result.merge(
          validateNode(schema.additionalProperties, value[key], `${path}.${key}`, correlatedField(old, key)),
        );
    }
  }
  for (const [name, property] of Object.entries(properties)) {
    if (name in value)
      result.merge(validateNode(property, value[name], childPath(path, name), correlatedField(old, name)));
  }
  for (const name of schema.required ?? []) {
    if (!(name in value))
      result.add({
        code: "required",
        name: `${path}.${name}`,
        value: undefined,
        message: `${path}.${name} in body is required`,
      });
  }
  return result;
}

/**
 * The old value correlated with the one being validated, on an update (CRDValidationRatcheting):
 * object fields by name, items of list-type map lists by their keys and of set lists by value;
 * items of other lists have none.
 */
type Old = { readonly value: unknown } | undefined;

function correlatedField(old: Old, name: string): Old {
  const record = old?.value;
  if (record === null || typeof record !== "object" || Array.isArray(record) || !(name in record)) return undefined;
  return { value: (record as Record<string, unknown>)[name] };
}

function correlatedItem(schema: JsonSchema, item: unknown, old: Old): Old {
  if (!Array.isArray(old?.value)) return undefined;
  const listType = schema["x-kubernetes-list-type"];
  if (listType === "set")
    return old.value.some((candidate) => isDeepStrictEqual(candidate, item)) ? { value: item } : undefined;
  const keys = listType === "map" ? schema["x-kubernetes-list-map-keys"] : undefined;
  if (!keys || item === null || typeof item !== "object") return undefined;
  const keyOf = (entry: unknown) => keys.map((key) => JSON.stringify((entry as Record<string, unknown> | null)?.[key]));
  const match = old.value.find((candidate) => isDeepStrictEqual(keyOf(candidate), keyOf(item)));
  return match === undefined ? undefined : { value: match };
}

/**
 * kube-openapi's SchemaValidator.Validate for one schema node, ratcheted as kube-apiserver does on
 * updates: the errors of a value equal to its correlated old value are dropped, so an object
 * stored before its schema was tightened can still be updated where it is not changed.
 */
function validateNode(schema: JsonSchema, value: unknown, path: string, old: Old = undefined): Result {
  const result = validateNodeOnly(schema, value, path, old);
  if (!result.valid && old !== undefined && isDeepStrictEqual(old.value, value)) return new Result();
  return result;
}

function validateNodeOnly(schema: JsonSchema, value: unknown, path: string, old: Old): Result {
  const result = new Result();
  if (value === null || value === undefined) {
    const types = typesOf(schema);
    if (types.length && !schema.nullable) result.merge(single(invalidType(path, types.join(","), "null")));
    result.merge(validateEnum(schema, null, path));
    return result;
  }
  const apply = (outcome: Result | undefined) => {
    result.merge(outcome);
    result.matchCount++;
  };
  if (typesOf(schema).length || schema.format) apply(validateType(schema, value, path));
  apply(validateBranches(schema, value, path, old));
  if (typeof value === "string") {
    apply(validateString(schema, value, path));
    if (schema.format && knownFormats[schema.format]) apply(validateFormat(schema, value, path));
  }
  if (typeof value === "number") apply(validateNumber(schema, value, path));
  if (Array.isArray(value)) apply(validateSlice(schema, value, path, old));
  apply(validateEnum(schema, value, path));
  if (typeof value === "object" && !Array.isArray(value))
    apply(validateObject(schema, value as Record<string, unknown>, path, old));
  result.matchCount++;
  return result;
}

function toFieldError(error: OpenApiError, prefix: string): FieldError {
  const root = prefix || "<nil>";
  if (error.code === "composite") return fieldErrors.invalid(root, "", error.message);
  const name = error.name.replace(/^\./, "");
  const field = name && name !== "." ? (prefix ? `${prefix}.${name}` : name) : root;
  const value = error.value ?? "";
  switch (error.code) {
    case "required":
      return fieldErrors.required(field, "");
    case "enum":
      return fieldErrors.notSupported(
        field,
        error.value,
        (error.values ?? []).map((allowed) => (typeof allowed === "string" ? allowed : JSON.stringify(allowed))),
      );
    case "tooLong":
      return fieldErrors.tooLong(field, error.limit ?? -1);
    case "maxItems":
    case "tooManyProperties":
      return fieldErrors.tooMany(field, typeof error.value === "number" ? error.value : -1, error.limit ?? -1);
    case "invalidType":
      return fieldErrors.typeInvalid(field, value, error.message);
    default:
      return fieldErrors.invalid(field, value, error.message);
  }
}

/**
 * Validates `value` against `schema` and returns kube-apiserver's field errors, in its order.
 * @param prefix the field path the value sits at ("" for a whole object, "status" for a status update)
 * @param old on an update, the old value at the same place, for ratcheting
 */
export function validateAgainstSchema(
  schema: JsonSchema,
  value: unknown,
  prefix = "",
  old?: { value: unknown },
): FieldError[] {
  return validateNode(schema, value, "", old).errors.map((error) => toFieldError(error, prefix));
}
