/**
 * Idiomatic JSDoc tags for the common markers. Each tag is only another spelling of a
 * controller-gen marker: `@minimum 1` is `+kubebuilder:validation:Minimum=1`, and the marker's own
 * checks and help apply.
 */
import type { JsDocAlias } from "../registry.js";

const anonymous = (text: string) => `=${text}`;
// Regular expressions hold commas and braces, which the marker grammar would split on.
const rawString = (text: string) => (text.includes("`") ? `=${JSON.stringify(text)}` : `=\`${text}\``);
const flagOrValue = (text: string) => (text === "" ? "" : `=${text}`);
const fields = (text: string) => `:${text}`;
const jsonOrString = (text: string) => {
  try {
    JSON.parse(text);
    return `=${text}`;
  } catch {
    return `=${JSON.stringify(text)}`;
  }
};

/** The alias table: JSDoc tag → marker. */
export const jsDocAliases: readonly JsDocAlias[] = [
  { tag: "minimum", marker: "kubebuilder:validation:Minimum", toArguments: anonymous },
  { tag: "maximum", marker: "kubebuilder:validation:Maximum", toArguments: anonymous },
  { tag: "multipleOf", marker: "kubebuilder:validation:MultipleOf", toArguments: anonymous },
  { tag: "minLength", marker: "kubebuilder:validation:MinLength", toArguments: anonymous },
  { tag: "maxLength", marker: "kubebuilder:validation:MaxLength", toArguments: anonymous },
  { tag: "pattern", marker: "kubebuilder:validation:Pattern", toArguments: rawString },
  { tag: "format", marker: "kubebuilder:validation:Format", toArguments: anonymous },
  { tag: "minItems", marker: "kubebuilder:validation:MinItems", toArguments: anonymous },
  { tag: "maxItems", marker: "kubebuilder:validation:MaxItems", toArguments: anonymous },
  { tag: "uniqueItems", marker: "kubebuilder:validation:UniqueItems", toArguments: flagOrValue },
  { tag: "minProperties", marker: "kubebuilder:validation:MinProperties", toArguments: anonymous },
  { tag: "maxProperties", marker: "kubebuilder:validation:MaxProperties", toArguments: anonymous },
  { tag: "enum", marker: "kubebuilder:validation:Enum", toArguments: anonymous },
  { tag: "default", marker: "default", toArguments: jsonOrString },
  { tag: "nullable", marker: "nullable", toArguments: () => "" },
  { tag: "title", marker: "kubebuilder:title", toArguments: anonymous },
  { tag: "printcolumn", marker: "kubebuilder:printcolumn", toArguments: fields },
  { tag: "shortName", marker: "kubebuilder:resource", toArguments: (text) => `:shortName=${text}` },
];
