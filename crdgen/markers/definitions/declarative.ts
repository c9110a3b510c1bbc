/**
 * The markers controller-gen shares with Kubernetes' declarative validation (`+k8s:required`,
 * `+k8s:optional`, `+k8s:immutable`, `+k8s:enum`, `+k8s:minimum`, `+k8s:maximum`,
 * `+k8s:maxItems`) and the one-of constraints (`+kubebuilder:validation:AtMostOneOf`,
 * `ExactlyOneOf`, `AtLeastOneOf`), with controller-gen's rules (pkg/crd/markers/validation.go).
 */
import type { JSONSchemaProps, ValidationRule } from "../../schema/model.js";
import type { MarkerDefinition, MarkerValue } from "../registry.js";

const addRule = (schema: JSONSchemaProps, rule: ValidationRule) =>
  void (schema["x-kubernetes-validations"] = [...(schema["x-kubernetes-validations"] ?? []), rule]);

/** `+k8s:required` also asks for a non-empty value, unless a bound is already given. */
function requireNonEmpty(schema: JSONSchemaProps): undefined {
  if (schema.type === "string") schema.minLength ??= 1;
  else if (schema.type === "array") schema.minItems ??= 1;
  else if (schema.type === "object" || (schema.type === undefined && schema.$ref !== undefined))
    schema.minProperties ??= 1;
  return undefined;
}

type OneOf = "AtMostOneOf" | "ExactlyOneOf" | "AtLeastOneOf";

const oneOfRules: Record<OneOf, (fields: readonly string[]) => ValidationRule> = {
  AtMostOneOf: (fields) => ({
    rule: `${countSet(fields)} <= 1`,
    message: `at most one of the fields in [${fields.join(" ")}] may be set`,
  }),
  ExactlyOneOf: (fields) => ({
    rule: `${countSet(fields)} == 1`,
    message: `exactly one of the fields in [${fields.join(" ")}] must be set`,
  }),
  AtLeastOneOf: (fields) => ({
    rule: fields.map((field) => `has(self.${field})`).join("||"),
    message: `at least one of the fields in [${fields.join(" ")}] must be set`,
  }),
};

/** `(has(self.a)?1:0)+(has(self.b)?1:0)`: controller-gen's constant-cost count of set fields. */
const countSet = (fields: readonly string[]) => fields.map((field) => `(has(self.${field})?1:0)`).join("+");

/** The field names named by the one-of markers of a type, to check that none is required. */
export const oneOfMarkerNames = (["AtMostOneOf", "ExactlyOneOf", "AtLeastOneOf"] as const).map(
  (name) => `kubebuilder:validation:${name}`,
);

function oneOf(name: OneOf, priority: number): MarkerDefinition {
  return {
    name: `kubebuilder:validation:${name}`,
    family: "validation",
    targets: ["type"],
    priority,
    args: [{ name: "", type: { kind: "list", item: { kind: "string" } } }],
    help: `specifies a list of field names that must conform to the ${name} constraint.`,
    applyToSchema: (schema: JSONSchemaProps, value: MarkerValue) => {
      const fields = value[""] as string[];
      const nested = fields.filter((field) => field.includes("."));
      if (nested.length > 0)
        return `kubebuilder:validation:${name}: cannot reference nested fields: ${nested.join(",")}`;
      if (fields.length > 0) addRule(schema, oneOfRules[name](fields));
      return undefined;
    },
  };
}

function bound(name: string, key: "minimum" | "maximum" | "maxItems", help: string): MarkerDefinition {
  const isItems = key === "maxItems";
  return {
    name,
    family: "validation",
    targets: ["field"],
    args: [{ name: "", type: { kind: isItems ? "int" : "number" } }],
    help,
    applyToSchema: (schema, value) => {
      const limit = value[""] as number;
      if (isItems) {
        if (schema.type !== "array") return "must apply maxitem to an array";
      } else {
        if (schema.type !== "integer" && schema.type !== "number")
          return `must apply ${key} to a numeric value, found ${schema.type ?? ""}`;
        if (schema.type === "integer" && !Number.isInteger(limit))
          return `cannot apply non-integral ${key} validation (${limit}) to integer value`;
      }
      schema[key] = limit;
      return undefined;
    },
  };
}

/** Every declarative-validation and one-of definition. */
export const declarativeDefinitions: readonly MarkerDefinition[] = [
  {
    name: "k8s:required",
    family: "validation",
    targets: ["field"],
    // after the value markers, so that an explicit bound wins
    priority: 1,
    args: [],
    help: "specifies that this field is required; a string, list, map or object must also be non-empty.",
    applyToSchema: requireNonEmpty,
  },
  {
    name: "k8s:optional",
    family: "validation",
    targets: ["field"],
    args: [],
    help: "specifies that this field is optional.",
  },
  {
    name: "k8s:immutable",
    family: "validation",
    targets: ["field"],
    args: [],
    help: "makes a field immutable once set (a CEL rule on the field, and on its parent when the field is optional).",
    applyToSchema: (schema) => addRule(schema, { rule: "self == oldSelf", message: "field is immutable" }),
  },
  {
    name: "k8s:enum",
    family: "validation",
    targets: ["type"],
    args: [],
    help: "marks a union of string literals as an enum; its values are listed sorted, as controller-gen lists a Go enum's constants.",
    applyToSchema: (schema) => {
      if (!schema.enum || schema.enum.some((value) => typeof value !== "string"))
        return 'k8s:enum needs a union of string literals, such as "Pending" | "Running"';
      schema.type = "string";
      schema.enum = [...schema.enum].sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b)));
      return undefined;
    },
  },
  bound("k8s:minimum", "minimum", "the declarative-validation spelling of +kubebuilder:validation:Minimum."),
  bound("k8s:maximum", "maximum", "the declarative-validation spelling of +kubebuilder:validation:Maximum."),
  bound("k8s:maxItems", "maxItems", "the declarative-validation spelling of +kubebuilder:validation:MaxItems."),
  oneOf("AtMostOneOf", 1),
  oneOf("ExactlyOneOf", 2),
  oneOf("AtLeastOneOf", 3),
];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
