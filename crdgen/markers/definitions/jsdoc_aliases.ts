/**
 * Idiomatic JSDoc tags for the common markers. Each tag is only another spelling of a
 * controller-gen marker: `@minimum 1` is `+kubebuilder:validation:Minimum=1`, and the marker's own
 * checks and help apply.
 *
 * | JSDoc tag                      | controller-gen marker                                   |
 * | ------------------------------ | ------------------------------------------------------- |
 * | `@minimum 1`                   | `+kubebuilder:validation:Minimum=1`                     |
 * | `@maximum 9`                   | `+kubebuilder:validation:Maximum=9`                     |
 * | `@multipleOf 2`                | `+kubebuilder:validation:MultipleOf=2`                  |
 * | `@minLength 1`                 | `+kubebuilder:validation:MinLength=1`                   |
 * | `@maxLength 63`                | `+kubebuilder:validation:MaxLength=63`                  |
 * | `@pattern ^[a-z]{1,3}$`        | `+kubebuilder:validation:Pattern=` (the rest of the line, verbatim) |
 * | `@format date-time`            | `+kubebuilder:validation:Format=date-time`              |
 * | `@minItems 1` / `@maxItems 3`  | `+kubebuilder:validation:MinItems=1` / `MaxItems=3`     |
 * | `@minProperties 1` / `@maxProperties 9` | `+kubebuilder:validation:MinProperties=1` / `MaxProperties=9` |
 * | `@enum a;b`                    | `+kubebuilder:validation:Enum=a;b`                      |
 * | `@default {"a": 1}` / `@default up` | `+default=<JSON>` (text that is not JSON is a string) |
 * | `@nullable`                    | `+nullable`                                             |
 * | `@title Size`                  | `+kubebuilder:title=Size`                               |
 * | `@printcolumn name=Age,type=date,JSONPath=.metadata.creationTimestamp` | `+kubebuilder:printcolumn:…` |
 * | `@shortName {mach,m}`          | `+kubebuilder:resource:shortName={mach,m}`              |
 *
 * `@example` is not an alias: TSDoc uses it for code samples. `@uniqueItems` is not one either,
 * since the API server rejects `uniqueItems: true` (use `+listType=set`).
 */
import type { JsDocAlias } from "../registry.js";

const anonymous = (text: string) => `=${text}`;
// Regular expressions hold commas and braces, which the marker grammar would split on.
const rawString = (text: string) => (text.includes("`") ? `=${JSON.stringify(text)}` : `=\`${text}\``);
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
  { tag: "minProperties", marker: "kubebuilder:validation:MinProperties", toArguments: anonymous },
  { tag: "maxProperties", marker: "kubebuilder:validation:MaxProperties", toArguments: anonymous },
  { tag: "enum", marker: "kubebuilder:validation:Enum", toArguments: anonymous },
  { tag: "default", marker: "default", toArguments: jsonOrString },
  { tag: "nullable", marker: "nullable", toArguments: () => "" },
  { tag: "title", marker: "kubebuilder:title", toArguments: anonymous },
  { tag: "printcolumn", marker: "kubebuilder:printcolumn", toArguments: fields },
  { tag: "shortName", marker: "kubebuilder:resource", toArguments: (text) => `:shortName=${text}` },
];
