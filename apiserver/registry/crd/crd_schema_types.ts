/**
 * The Go types of apiextensions/v1 JSONSchemaProps, as decoding a CRD body enforces them before any
 * validation: a value of another JSON type (a draft-07 numeric `exclusiveMinimum` where v1 has a
 * bool) is encoding/json's "cannot unmarshal" error, reported for the first such value in
 * document order, with the path of JSON field names Go prints (no map keys, no indices).
 */
import { goJsonTypeName } from "../../serializer/go_json.js";

type GoType =
  | "string"
  | "bool"
  | "float64"
  | "int64"
  | "json"
  | "[]string"
  | "[]v1.JSON"
  | "schema"
  | "[]schema"
  | "map[string]schema"
  | "schemaOrArray"
  | "schemaOrBool"
  | "dependencies"
  | "externalDocs"
  | "validationRules";

const schemaFields: Readonly<Record<string, GoType>> = {
  id: "string",
  $schema: "string",
  $ref: "string",
  description: "string",
  type: "string",
  format: "string",
  title: "string",
  default: "json",
  maximum: "float64",
  exclusiveMaximum: "bool",
  minimum: "float64",
  exclusiveMinimum: "bool",
  maxLength: "int64",
  minLength: "int64",
  pattern: "string",
  maxItems: "int64",
  minItems: "int64",
  uniqueItems: "bool",
  multipleOf: "float64",
  enum: "[]v1.JSON",
  maxProperties: "int64",
  minProperties: "int64",
  required: "[]string",
  items: "schemaOrArray",
  allOf: "[]schema",
  oneOf: "[]schema",
  anyOf: "[]schema",
  not: "schema",
  properties: "map[string]schema",
  additionalProperties: "schemaOrBool",
  patternProperties: "map[string]schema",
  dependencies: "dependencies",
  additionalItems: "schemaOrBool",
  definitions: "map[string]schema",
  externalDocs: "externalDocs",
  example: "json",
  nullable: "bool",
  "x-kubernetes-preserve-unknown-fields": "bool",
  "x-kubernetes-embedded-resource": "bool",
  "x-kubernetes-int-or-string": "bool",
  "x-kubernetes-list-map-keys": "[]string",
  "x-kubernetes-list-type": "string",
  "x-kubernetes-map-type": "string",
  "x-kubernetes-validations": "validationRules",
};

const validationRuleFields: Readonly<Record<string, GoType>> = {
  rule: "string",
  message: "string",
  messageExpression: "string",
  reason: "string",
  fieldPath: "string",
  optionalOldSelf: "bool",
};

const externalDocsFields: Readonly<Record<string, GoType>> = { description: "string", url: "string" };

/** Go's name for a field type in the error, as reflect prints it. */
const goTypeNames: Readonly<Partial<Record<GoType, string>>> = {
  schema: "v1.JSONSchemaProps",
  "[]schema": "[]v1.JSONSchemaProps",
  "map[string]schema": "map[string]v1.JSONSchemaProps",
  dependencies: "v1.JSONSchemaDependencies",
  externalDocs: "v1.ExternalDocumentation",
  validationRules: "v1.ValidationRules",
};

interface Mismatch {
  /** What Go says it found: the JSON type, or `number <literal>` for a number an integer field cannot hold. */
  found: string;
  struct: string;
  path: string;
  goType: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * encoding/json's error for the first value of `openAPIV3Schema` (decoded at `path`, such as
 * `spec.versions.schema.openAPIV3Schema`) whose JSON type its Go field cannot hold, or undefined.
 */
export function schemaTypeError(schema: unknown, path: string): string | undefined {
  const mismatch = checkValue(schema, "schema", "CustomResourceValidation", path);
  if (!mismatch) return undefined;
  const { found, struct, goType } = mismatch;
  return `json: cannot unmarshal ${found} into Go struct field ${struct}.${mismatch.path} of type ${goType}`;
}

function checkStruct(
  object: Record<string, unknown>,
  fields: Readonly<Record<string, GoType>>,
  struct: string,
  path: string,
): Mismatch | undefined {
  for (const [key, value] of Object.entries(object)) {
    const type = fields[key];
    if (type === undefined || value === null) continue;
    const mismatch = checkValue(value, type, struct, `${path}.${key}`);
    if (mismatch) return mismatch;
  }
  return undefined;
}

function checkValue(value: unknown, type: GoType, struct: string, path: string): Mismatch | undefined {
  if (value === null || value === undefined) return undefined;
  const wrong = (goType = goTypeNames[type] ?? type): Mismatch => ({
    found: typeof value === "number" && type === "int64" ? `number ${String(value)}` : goJsonTypeName(value),
    struct,
    path,
    goType,
  });
  switch (type) {
    case "json":
      return undefined;
    case "string":
      return typeof value === "string" ? undefined : wrong();
    case "bool":
      return typeof value === "boolean" ? undefined : wrong();
    case "float64":
      return typeof value === "number" ? undefined : wrong();
    case "int64":
      return typeof value === "number" && Number.isSafeInteger(value) ? undefined : wrong();
    case "[]string":
    case "[]v1.JSON":
      if (!Array.isArray(value)) return wrong();
      if (type === "[]v1.JSON") return undefined;
      return firstOf(value, (item) => checkValue(item, "string", struct, path));
    case "schema":
      return isObject(value) ? checkStruct(value, schemaFields, "JSONSchemaProps", path) : wrong();
    case "[]schema":
      return Array.isArray(value) ? firstOf(value, (item) => checkValue(item, "schema", struct, path)) : wrong();
    case "map[string]schema":
      return isObject(value)
        ? firstOf(Object.values(value), (item) => checkValue(item, "schema", struct, path))
        : wrong();
    case "schemaOrArray":
      return Array.isArray(value)
        ? checkValue(value, "[]schema", struct, path)
        : checkValue(value, "schema", struct, path);
    case "schemaOrBool":
      return typeof value === "boolean" ? undefined : checkValue(value, "schema", struct, path);
    case "dependencies":
      return isObject(value)
        ? firstOf(Object.values(value), (item) =>
            Array.isArray(item) ? checkValue(item, "[]string", struct, path) : checkValue(item, "schema", struct, path),
          )
        : wrong();
    case "externalDocs":
      return isObject(value) ? checkStruct(value, externalDocsFields, "ExternalDocumentation", path) : wrong();
    case "validationRules":
      if (!Array.isArray(value)) return wrong();
      return firstOf(value, (rule) =>
        isObject(rule)
          ? checkStruct(rule, validationRuleFields, "ValidationRule", path)
          : rule === null
            ? undefined
            : { found: goJsonTypeName(rule), struct, path, goType: "v1.ValidationRule" },
      );
  }
}

function firstOf<T>(items: readonly T[], check: (item: T) => Mismatch | undefined): Mismatch | undefined {
  for (const item of items) {
    const mismatch = check(item);
    if (mismatch) return mismatch;
  }
  return undefined;
}
