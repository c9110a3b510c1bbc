/**
 * Validation markers (`+kubebuilder:validation:*`, `+optional`, `+required`, `+nullable`,
 * `+kubebuilder:default`, `+default`, `+kubebuilder:example`, `+kubebuilder:title`,
 * `+kubebuilder:pruning:PreserveUnknownFields`), with controller-gen's type checks and priorities.
 * Every value marker also exists as `+kubebuilder:validation:items:<Name>`, applied to the items
 * of an array, as controller-gen generates them.
 */
import type { ArgumentType, ArgumentValue } from "../argument.js";
import type { JSONSchemaProps, JsonValue } from "../../schema/model.js";
import { compilePattern } from "../../schema/validate_value.js";
import type { MarkerDefinition, MarkerValue } from "../registry.js";

const validationPrefix = "kubebuilder:validation:";
const itemsPrefix = "kubebuilder:validation:items:";

const isNumeric = (schema: JSONSchemaProps) => schema.type === "integer" || schema.type === "number";
const isTextual = (schema: JSONSchemaProps) =>
  schema.type === "string" || schema["x-kubernetes-int-or-string"] === true;
const found = (schema: JSONSchemaProps) => schema.type ?? "";

type Apply = (schema: JSONSchemaProps, value: ArgumentValue) => string | undefined;

interface ValueMarker {
  name: string;
  type: ArgumentType;
  help: string;
  apply: Apply;
  priority?: number;
}

function numeric(key: "maximum" | "minimum" | "multipleOf", word: string): Apply {
  return (schema, value) => {
    if (!isNumeric(schema)) return `must apply ${word} to a numeric value, found ${found(schema)}`;
    if (schema.type === "integer" && !Number.isInteger(value)) {
      return `cannot apply non-integral ${word} validation (${String(value)}) to integer value`;
    }
    schema[key] = value as number;
    return undefined;
  };
}

function textual(key: "maxLength" | "minLength" | "pattern", word: string): Apply {
  return (schema, value) => {
    if (!isTextual(schema)) return `must apply ${word} to a textual value, found type ${JSON.stringify(found(schema))}`;
    if (key === "pattern") {
      // checked here, at the marker, with the API server's regexp syntax (RE2)
      const compiled = compilePattern(value as string);
      if ("error" in compiled) return `must be a valid regular expression, but isn't: ${compiled.error}`;
      schema.pattern = value as string;
    } else schema[key] = value as number;
    return undefined;
  };
}

function typed(type: string, key: "maxItems" | "minItems" | "maxProperties" | "minProperties", word: string): Apply {
  return (schema, value) => {
    if (schema.type !== type) return `must apply ${word} to an ${type}`;
    schema[key] = value as number;
    return undefined;
  };
}

/** controller-gen's JSONSchemaProps flags are `omitempty`: false is not written. */
function setFlag(schema: JSONSchemaProps, key: "exclusiveMaximum" | "exclusiveMinimum", value: boolean): void {
  if (value) schema[key] = true;
  else delete schema[key];
}

const int: ArgumentType = { kind: "int" };
const number: ArgumentType = { kind: "number" };
const bool: ArgumentType = { kind: "bool" };
const string: ArgumentType = { kind: "string" };

/** The markers controller-gen lists in ValidationMarkers: fields and types, plus `items:` twins. */
const valueMarkers: readonly ValueMarker[] = [
  {
    name: "Maximum",
    type: number,
    help: "specifies the maximum numeric value that this field can have.",
    apply: numeric("maximum", "maximum"),
  },
  {
    name: "Minimum",
    type: number,
    help: "specifies the minimum numeric value that this field can have. Negative numbers are supported.",
    apply: numeric("minimum", "minimum"),
  },
  {
    name: "ExclusiveMaximum",
    type: bool,
    help: 'indicates that the maximum is "up to" but not including that value.',
    apply: (schema, value) =>
      isNumeric(schema)
        ? void setFlag(schema, "exclusiveMaximum", value as boolean)
        : `must apply exclusivemaximum to a numeric value, found ${found(schema)}`,
  },
  {
    name: "ExclusiveMinimum",
    type: bool,
    help: 'indicates that the minimum is "up to" but not including that value.',
    apply: (schema, value) =>
      isNumeric(schema)
        ? void setFlag(schema, "exclusiveMinimum", value as boolean)
        : `must apply exclusiveminimum to a numeric value, found ${found(schema)}`,
  },
  {
    name: "MultipleOf",
    type: number,
    help: "specifies that this field must have a numeric value that's a multiple of this one.",
    apply: numeric("multipleOf", "multipleof"),
  },
  {
    name: "MinProperties",
    type: int,
    help: "restricts the number of keys in an object",
    apply: typed("object", "minProperties", "minproperties"),
  },
  {
    name: "MaxProperties",
    type: int,
    help: "restricts the number of keys in an object",
    apply: typed("object", "maxProperties", "maxproperties"),
  },
  {
    name: "MaxLength",
    type: int,
    help: "specifies the maximum length for this string.",
    apply: textual("maxLength", "maxlength"),
  },
  {
    name: "MinLength",
    type: int,
    help: "specifies the minimum length for this string.",
    apply: textual("minLength", "minlength"),
  },
  {
    name: "Pattern",
    type: string,
    help: "specifies that this string must match the given regular expression.",
    apply: textual("pattern", "pattern"),
  },
  {
    name: "MaxItems",
    type: int,
    help: "specifies the maximum length for this list.",
    apply: typed("array", "maxItems", "maxitem"),
  },
  {
    name: "MinItems",
    type: int,
    help: "specifies the minimum length for this list.",
    apply: typed("array", "minItems", "minitems"),
  },
  {
    name: "UniqueItems",
    type: bool,
    help: "specifies that all items in this list must be unique.",
    apply: (schema, value) =>
      schema.type === "array" ? void (schema.uniqueItems = value as boolean) : "must apply uniqueitems to an array",
  },
  {
    name: "Enum",
    type: { kind: "list", item: { kind: "any" } },
    help: "specifies that this (scalar) field is restricted to the *exact* values specified here.",
    apply: (schema, value) => void (schema.enum = value as JsonValue[]),
  },
  {
    name: "Format",
    type: string,
    help: 'specifies additional "complex" formatting for this field.',
    apply: (schema, value) => void (schema.format = value as string),
  },
  {
    name: "Type",
    type: string,
    help: "overrides the type for this field (which defaults to the equivalent of the TypeScript type).",
    priority: -1,
    apply: (schema, value) => {
      if (!["string", "integer", "number", "boolean", "object", "array"].includes(value as string)) {
        return `type must be one of string, integer, number, boolean, object, array; got ${JSON.stringify(value)}`;
      }
      schema.type = value as string;
      return undefined;
    },
  },
  {
    name: "XPreserveUnknownFields",
    type: { kind: "bool" },
    help: "deprecated spelling of +kubebuilder:pruning:PreserveUnknownFields.",
    apply: (schema) => void (schema["x-kubernetes-preserve-unknown-fields"] = true),
  },
  {
    name: "XEmbeddedResource",
    type: { kind: "bool" },
    help: "marks a field as an embedded resource with apiVersion, kind and metadata fields.",
    apply: (schema) => void (schema["x-kubernetes-embedded-resource"] = true),
  },
  {
    name: "XIntOrString",
    type: { kind: "bool" },
    help: "marks a field as an IntOrString (integer or string).",
    priority: -1,
    apply: (schema) => {
      schema["x-kubernetes-int-or-string"] = true;
      // the shape the API server requires for int-or-string (structural schema rules)
      delete schema.type;
      schema.anyOf = [{ type: "integer" }, { type: "string" }];
      return undefined;
    },
  },
];

const validationReasons = ["FieldValueRequired", "FieldValueInvalid", "FieldValueForbidden", "FieldValueDuplicate"];

const xValidation = (schema: JSONSchemaProps, value: MarkerValue): string | undefined => {
  const reason = value["reason"] as string | undefined;
  if (reason !== undefined && !validationReasons.includes(reason)) {
    return `invalid reason ${reason}, valid values are FieldValueRequired, FieldValueInvalid, FieldValueForbidden and FieldValueDuplicate`;
  }
  const rule: NonNullable<JSONSchemaProps["x-kubernetes-validations"]>[number] = { rule: value["rule"] as string };
  for (const key of ["message", "messageExpression", "reason", "fieldPath"] as const) {
    const text = value[key];
    if (typeof text === "string" && text !== "") rule[key] = text;
  }
  if (typeof value["optionalOldSelf"] === "boolean") rule.optionalOldSelf = value["optionalOldSelf"];
  schema["x-kubernetes-validations"] = [...(schema["x-kubernetes-validations"] ?? []), rule];
  return undefined;
};

function valueDefinition(marker: ValueMarker, items: boolean): MarkerDefinition {
  const isFlag = ["XPreserveUnknownFields", "XEmbeddedResource", "XIntOrString"].includes(marker.name);
  const apply = (schema: JSONSchemaProps, value: MarkerValue) => {
    const argument = isFlag ? true : (value[""] as ArgumentValue);
    if (!items) return marker.apply(schema, argument);
    if (schema.type !== "array" || !schema.items)
      return `must apply +${itemsPrefix}${marker.name} to an array, found ${found(schema)}`;
    return marker.apply(schema.items, argument);
  };
  const definition: MarkerDefinition = {
    name: (items ? itemsPrefix : validationPrefix) + marker.name,
    family: "validation",
    targets: ["field", "type"],
    args: isFlag ? [] : [{ name: "", type: marker.type }],
    help: (items ? "for array items " : "") + marker.help,
    applyToSchema: apply,
  };
  if (marker.priority !== undefined) definition.priority = marker.priority;
  return definition;
}

function xValidationDefinition(items: boolean): MarkerDefinition {
  return {
    name: (items ? itemsPrefix : validationPrefix) + "XValidation",
    family: "validation",
    targets: ["field", "type"],
    args: [
      { name: "rule", type: string },
      { name: "message", type: string, optional: true },
      { name: "messageExpression", type: string, optional: true },
      { name: "reason", type: string, optional: true },
      { name: "fieldPath", type: string, optional: true },
      { name: "optionalOldSelf", type: bool, optional: true },
    ],
    help:
      (items ? "for array items " : "") +
      "marks a field as requiring a value for which a given CEL expression evaluates to true.",
    applyToSchema: items
      ? (schema, value) =>
          schema.type === "array" && schema.items
            ? xValidation(schema.items, value)
            : `must apply +${itemsPrefix}XValidation to an array, found ${found(schema)}`
      : xValidation,
  };
}

const flag = (
  name: string,
  targets: MarkerDefinition["targets"],
  help: string,
  apply?: MarkerDefinition["applyToSchema"],
): MarkerDefinition => {
  const definition: MarkerDefinition = { name, family: "validation", targets, args: [], help };
  if (apply) definition.applyToSchema = apply;
  return definition;
};

function defaultValue(schema: JSONSchemaProps, value: ArgumentValue): JsonValue {
  // controller-gen: an empty map given to an array means the empty list
  if (
    schema.type === "array" &&
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  )
    return [];
  return value as JsonValue;
}

/**
 * The markers that make a field optional or required, read by the schema stage (not applied as
 * schema changes), by precedence as controller-gen's structToSchema reads them: kubebuilder's
 * pair decides over Kubernetes' (k8s.io/api marks PortStatus.error both +optional and
 * +kubebuilder:validation:Required, and it is required).
 */
export const requirednessTiers = [
  { optional: ["kubebuilder:validation:Optional"], required: ["kubebuilder:validation:Required"] },
  { optional: ["optional", "k8s:optional"], required: ["required", "k8s:required"] },
] as const;

/** Every validation-family definition. */
export const validationDefinitions: readonly MarkerDefinition[] = [
  ...valueMarkers.flatMap((marker) => [valueDefinition(marker, false), valueDefinition(marker, true)]),
  xValidationDefinition(false),
  xValidationDefinition(true),
  flag("kubebuilder:validation:Required", ["field"], "specifies that this field is required."),
  flag("kubebuilder:validation:Optional", ["field"], "specifies that this field is optional."),
  flag("required", ["field"], "specifies that this field is required."),
  flag("optional", ["field"], "specifies that this field is optional."),
  flag(
    "nullable",
    ["field"],
    'marks this field as allowing the "null" value.',
    (schema) => void (schema.nullable = true),
  ),
  flag(
    "kubebuilder:validation:EmbeddedResource",
    ["field"],
    "marks a field as an embedded resource with apiVersion, kind and metadata fields.",
    (schema) => void (schema["x-kubernetes-embedded-resource"] = true),
  ),
  flag(
    "kubebuilder:validation:Schemaless",
    ["field", "type"],
    "marks a field as being a schemaless object: its type is not introspected, give its type and validation with other markers. (On a type: a uselessctl extension, as controller-gen's built-in types.)",
  ),
  flag(
    "kubebuilder:pruning:PreserveUnknownFields",
    ["field", "type"],
    "stops the apiserver from pruning fields which are not specified.",
    (schema) => void (schema["x-kubernetes-preserve-unknown-fields"] = true),
  ),
  {
    name: "kubebuilder:default",
    family: "validation",
    targets: ["field"],
    priority: 10,
    args: [{ name: "", type: { kind: "any" } }],
    help: 'sets the default value for this field (controller-gen syntax: true, Cluster, 1.24, {1,2}, {policy: "delete"}).',
    applyToSchema: (schema, value) => void (schema.default = defaultValue(schema, value[""] as ArgumentValue)),
  },
  {
    name: "default",
    family: "validation",
    targets: ["field"],
    priority: 9,
    args: [{ name: "", type: { kind: "json" } }],
    help: 'sets the default value for this field, as JSON ("Cluster", 1.24, [1,2], {"policy": "delete"}); ref(...) and null set none, as in controller-gen.',
    applyToSchema: (schema, value) => {
      // controller-gen skips `ref(Constant)` (it cannot evaluate Go constants) and a null value
      if (value[""] !== null) schema.default = value[""] as JsonValue;
      return undefined;
    },
  },
  {
    name: "kubebuilder:example",
    family: "validation",
    targets: ["field"],
    args: [{ name: "", type: { kind: "any" } }],
    help: "sets the example value for this field.",
    applyToSchema: (schema, value) => void (schema.example = value[""] as JsonValue),
  },
  {
    name: "kubebuilder:title",
    family: "validation",
    targets: ["field", "type"],
    args: [{ name: "", type: { kind: "any" } }],
    help: "sets the title for this field.",
    // controller-gen writes non-string titles as their JSON text ({} → "{}", 124 → "124")
    applyToSchema: (schema, value) =>
      void (schema.title = typeof value[""] === "string" ? value[""] : JSON.stringify(value[""])),
  },
];
