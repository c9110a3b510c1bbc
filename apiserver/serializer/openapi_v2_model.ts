/**
 * gnostic's OpenAPIv2 Document message (github.com/google/gnostic-models/openapiv2/OpenAPIv2.proto):
 * for each message, its fields by JSON key with their protobuf numbers and kinds, and the rules its
 * compiler (OpenAPIv2.go) checks before it accepts a JSON object as that message: required keys,
 * allowed keys (every field's key, and `x-` vendor extensions), allowed values. A oneof takes the
 * last alternative whose rules accept the value, as the compiler does.
 */

export type FieldKind =
  "string" | "bool" | "int64" | "double" | "strings" | "any" | "anys" | { message: string } | { messages: string };

export interface FieldRule {
  readonly number: number;
  readonly kind: FieldKind;
  readonly oneOf?: readonly string[];
}

export type MessageRule =
  /** A JSON object with named fields; `x-` keys go to `vendorExtension` (repeated NamedAny). */
  | {
      readonly form: "object";
      readonly fields: Readonly<Record<string, FieldRule>>;
      readonly required?: readonly string[];
      readonly vendorExtension?: number;
      /** Keys matching `pattern` become repeated Named<value> entries at `number` (Paths, Responses). */
      readonly patterned?: { readonly pattern: RegExp; readonly number: number; readonly value: string };
      /** The compiler rejects keys it does not know (most messages do). */
      readonly closed: boolean;
    }
  /** A JSON object of any keys: repeated Named<value> { name = 1; value = 2 } at field 1. */
  | { readonly form: "map"; readonly value: string | "any" | "string" | "strings" }
  /** One of several messages, by field number: the last that accepts the value wins. */
  | { readonly form: "oneof"; readonly alternatives: readonly (readonly [number, string])[] };

export const vendorPattern = /^x-/;

function object(
  fields: Record<string, FieldRule>,
  options: { required?: string[]; vendorExtension?: number; closed?: boolean } = {},
): MessageRule {
  return { form: "object", fields, closed: options.closed ?? true, ...options };
}

const s = (number: number, oneOf?: string[]): FieldRule => ({ number, kind: "string", ...(oneOf ? { oneOf } : {}) });
const b = (number: number): FieldRule => ({ number, kind: "bool" });
const i = (number: number): FieldRule => ({ number, kind: "int64" });
const d = (number: number): FieldRule => ({ number, kind: "double" });
const ss = (number: number): FieldRule => ({ number, kind: "strings" });
const any = (number: number): FieldRule => ({ number, kind: "any" });
const anys = (number: number): FieldRule => ({ number, kind: "anys" });
const m = (number: number, message: string): FieldRule => ({ number, kind: { message } });
const ms = (number: number, messages: string): FieldRule => ({ number, kind: { messages } });

const primitiveTypes = ["string", "number", "integer", "boolean", "array"];
const collectionFormats = ["csv", "ssv", "tsv", "pipes"];

/** The validation keywords non-body parameters, headers and primitive items share, from `first`. */
function primitiveFields(first: number, withMulti: boolean): Record<string, FieldRule> {
  return {
    items: m(first, "PrimitivesItems"),
    collectionFormat: s(first + 1, withMulti ? [...collectionFormats, "multi"] : collectionFormats),
    default: any(first + 2),
    maximum: d(first + 3),
    exclusiveMaximum: b(first + 4),
    minimum: d(first + 5),
    exclusiveMinimum: b(first + 6),
    maxLength: i(first + 7),
    minLength: i(first + 8),
    pattern: s(first + 9),
    maxItems: i(first + 10),
    minItems: i(first + 11),
    uniqueItems: b(first + 12),
    enum: anys(first + 13),
    multipleOf: d(first + 14),
  };
}

function parameterSubSchema(location: string, options: { allowEmptyValue: boolean; types: string[]; multi: boolean }) {
  const base: Record<string, FieldRule> = { required: b(1), in: s(2, [location]), description: s(3), name: s(4) };
  const next = options.allowEmptyValue ? 6 : 5;
  if (options.allowEmptyValue) base.allowEmptyValue = b(5);
  return object(
    { ...base, type: s(next, options.types), format: s(next + 1), ...primitiveFields(next + 2, options.multi) },
    { vendorExtension: next + 17, ...(location === "path" ? { required: ["required"] } : {}) },
  );
}

function oauth2(flow: string, fields: string[], required: string[]): MessageRule {
  const rules: Record<string, FieldRule> = { type: s(1, ["oauth2"]), flow: s(2, [flow]), scopes: m(3, "Oauth2Scopes") };
  fields.forEach((field, index) => (rules[field] = s(4 + index)));
  return object(rules, { required, vendorExtension: 4 + fields.length });
}

export const messages: Readonly<Record<string, MessageRule>> = {
  Document: object(
    {
      swagger: s(1, ["2.0"]),
      info: m(2, "Info"),
      host: s(3),
      basePath: s(4),
      schemes: ss(5),
      consumes: ss(6),
      produces: ss(7),
      paths: m(8, "Paths"),
      definitions: m(9, "Definitions"),
      parameters: m(10, "ParameterDefinitions"),
      responses: m(11, "ResponseDefinitions"),
      security: ms(12, "SecurityRequirement"),
      securityDefinitions: m(13, "SecurityDefinitions"),
      tags: ms(14, "Tag"),
      externalDocs: m(15, "ExternalDocs"),
    },
    { required: ["info", "paths", "swagger"], vendorExtension: 16 },
  ),
  Info: object(
    {
      title: s(1),
      version: s(2),
      description: s(3),
      termsOfService: s(4),
      contact: m(5, "Contact"),
      license: m(6, "License"),
    },
    { required: ["title", "version"], vendorExtension: 7 },
  ),
  Contact: object({ name: s(1), url: s(2), email: s(3) }, { vendorExtension: 4 }),
  License: object({ name: s(1), url: s(2) }, { required: ["name"], vendorExtension: 3 }),
  ExternalDocs: object({ description: s(1), url: s(2) }, { required: ["url"], vendorExtension: 3 }),
  Tag: object(
    { name: s(1), description: s(2), externalDocs: m(3, "ExternalDocs") },
    { required: ["name"], vendorExtension: 4 },
  ),
  Xml: object({ name: s(1), namespace: s(2), prefix: s(3), attribute: b(4), wrapped: b(5) }, { vendorExtension: 6 }),
  Paths: {
    form: "object",
    fields: {},
    vendorExtension: 1,
    patterned: { pattern: /^\//, number: 2, value: "PathItem" },
    closed: true,
  },
  PathItem: object(
    {
      $ref: s(1),
      get: m(2, "Operation"),
      put: m(3, "Operation"),
      post: m(4, "Operation"),
      delete: m(5, "Operation"),
      options: m(6, "Operation"),
      head: m(7, "Operation"),
      patch: m(8, "Operation"),
      parameters: ms(9, "ParametersItem"),
    },
    { vendorExtension: 10 },
  ),
  Operation: object(
    {
      tags: ss(1),
      summary: s(2),
      description: s(3),
      externalDocs: m(4, "ExternalDocs"),
      operationId: s(5),
      produces: ss(6),
      consumes: ss(7),
      parameters: ms(8, "ParametersItem"),
      responses: m(9, "Responses"),
      schemes: ss(10),
      deprecated: b(11),
      security: ms(12, "SecurityRequirement"),
    },
    { required: ["responses"], vendorExtension: 13 },
  ),
  ParametersItem: {
    form: "oneof",
    alternatives: [
      [1, "Parameter"],
      [2, "JsonReference"],
    ],
  },
  Parameter: {
    form: "oneof",
    alternatives: [
      [1, "BodyParameter"],
      [2, "NonBodyParameter"],
    ],
  },
  NonBodyParameter: {
    form: "oneof",
    alternatives: [
      [1, "HeaderParameterSubSchema"],
      [2, "FormDataParameterSubSchema"],
      [3, "QueryParameterSubSchema"],
      [4, "PathParameterSubSchema"],
    ],
  },
  JsonReference: object({ $ref: s(1), description: s(2) }, { required: ["$ref"], closed: false }),
  BodyParameter: object(
    { description: s(1), name: s(2), in: s(3, ["body"]), required: b(4), schema: m(5, "Schema") },
    { required: ["in", "name", "schema"], vendorExtension: 6 },
  ),
  HeaderParameterSubSchema: parameterSubSchema("header", {
    allowEmptyValue: false,
    types: primitiveTypes,
    multi: false,
  }),
  FormDataParameterSubSchema: parameterSubSchema("formData", {
    allowEmptyValue: true,
    types: ["string", "number", "boolean", "integer", "array", "file"],
    multi: true,
  }),
  QueryParameterSubSchema: parameterSubSchema("query", {
    allowEmptyValue: true,
    types: ["string", "number", "boolean", "integer", "array"],
    multi: true,
  }),
  PathParameterSubSchema: parameterSubSchema("path", { allowEmptyValue: false, types: primitiveTypes, multi: false }),
  PrimitivesItems: object(
    { type: s(1, primitiveTypes), format: s(2), ...primitiveFields(3, false) },
    { vendorExtension: 18 },
  ),
  Responses: {
    form: "object",
    fields: {},
    vendorExtension: 2,
    patterned: { pattern: /^([0-9]{3})$|^(default)$/, number: 1, value: "ResponseValue" },
    closed: true,
  },
  ResponseValue: {
    form: "oneof",
    alternatives: [
      [1, "Response"],
      [2, "JsonReference"],
    ],
  },
  Response: object(
    { description: s(1), schema: m(2, "SchemaItem"), headers: m(3, "Headers"), examples: m(4, "Examples") },
    { required: ["description"], vendorExtension: 5 },
  ),
  SchemaItem: {
    form: "oneof",
    alternatives: [
      [1, "Schema"],
      [2, "FileSchema"],
    ],
  },
  FileSchema: object(
    {
      format: s(1),
      title: s(2),
      description: s(3),
      default: any(4),
      required: ss(5),
      type: s(6, ["file"]),
      readOnly: b(7),
      externalDocs: m(8, "ExternalDocs"),
      example: any(9),
    },
    { required: ["type"], vendorExtension: 10 },
  ),
  Schema: object(
    {
      $ref: s(1),
      format: s(2),
      title: s(3),
      description: s(4),
      default: any(5),
      multipleOf: d(6),
      maximum: d(7),
      exclusiveMaximum: b(8),
      minimum: d(9),
      exclusiveMinimum: b(10),
      maxLength: i(11),
      minLength: i(12),
      pattern: s(13),
      maxItems: i(14),
      minItems: i(15),
      uniqueItems: b(16),
      maxProperties: i(17),
      minProperties: i(18),
      required: ss(19),
      enum: anys(20),
      additionalProperties: m(21, "AdditionalPropertiesItem"),
      type: m(22, "TypeItem"),
      items: m(23, "ItemsItem"),
      allOf: ms(24, "Schema"),
      properties: m(25, "Properties"),
      discriminator: s(26),
      readOnly: b(27),
      xml: m(28, "Xml"),
      externalDocs: m(29, "ExternalDocs"),
      example: any(30),
    },
    { vendorExtension: 31 },
  ),
  Header: object(
    { type: s(1, primitiveTypes), format: s(2), ...primitiveFields(3, false), description: s(18) },
    { required: ["type"], vendorExtension: 19 },
  ),
  Properties: { form: "map", value: "Schema" },
  Definitions: { form: "map", value: "Schema" },
  ParameterDefinitions: { form: "map", value: "Parameter" },
  ResponseDefinitions: { form: "map", value: "Response" },
  Headers: { form: "map", value: "Header" },
  Examples: { form: "map", value: "any" },
  Oauth2Scopes: { form: "map", value: "string" },
  SecurityRequirement: { form: "map", value: "strings" },
  SecurityDefinitions: { form: "map", value: "SecurityDefinitionsItem" },
  SecurityDefinitionsItem: {
    form: "oneof",
    alternatives: [
      [1, "BasicAuthenticationSecurity"],
      [2, "ApiKeySecurity"],
      [3, "Oauth2ImplicitSecurity"],
      [4, "Oauth2PasswordSecurity"],
      [5, "Oauth2ApplicationSecurity"],
      [6, "Oauth2AccessCodeSecurity"],
    ],
  },
  BasicAuthenticationSecurity: object(
    { type: s(1, ["basic"]), description: s(2) },
    { required: ["type"], vendorExtension: 3 },
  ),
  ApiKeySecurity: object(
    { type: s(1, ["apiKey"]), name: s(2), in: s(3, ["header", "query"]), description: s(4) },
    { required: ["in", "name", "type"], vendorExtension: 5 },
  ),
  Oauth2ImplicitSecurity: oauth2("implicit", ["authorizationUrl", "description"], ["authorizationUrl", "flow", "type"]),
  Oauth2PasswordSecurity: oauth2("password", ["tokenUrl", "description"], ["flow", "tokenUrl", "type"]),
  Oauth2ApplicationSecurity: oauth2("application", ["tokenUrl", "description"], ["flow", "tokenUrl", "type"]),
  Oauth2AccessCodeSecurity: oauth2(
    "accessCode",
    ["authorizationUrl", "tokenUrl", "description"],
    ["authorizationUrl", "flow", "tokenUrl", "type"],
  ),
};
