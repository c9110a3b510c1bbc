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
 * | `@type integer`                | `+kubebuilder:validation:Type=integer`                  |
 * | `@exclusiveMinimum 0`          | `+kubebuilder:validation:Minimum=0` and `ExclusiveMinimum=true` (draft-07's number form) |
 * | `@exclusiveMaximum true`       | `+kubebuilder:validation:ExclusiveMaximum=true` (draft-04's boolean form) |
 * | `@required` / `@optional`      | `+required` / `+optional`                               |
 * | `@printcolumn name=Age,type=date,JSONPath=.metadata.creationTimestamp` | `+kubebuilder:printcolumn:…` |
 * | `@shortName {mach,m}`          | `+kubebuilder:resource:shortName={mach,m}`              |
 *
 * typescript-json-schema's spellings are these tags too: `@TJS-type integer` is `@type integer`,
 * and `@items.minimum 1` is the `+kubebuilder:validation:items:` twin of `@minimum 1` (jsdoc_tags.ts
 * reads both, and the tags that are not markers).
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

const exclusiveBound = (bound: "Minimum" | "Maximum") => (text: string) => {
  const flag = `kubebuilder:validation:Exclusive${bound}`;
  // draft-04 writes a flag beside minimum/maximum; draft-07 (typescript-json-schema) the bound itself
  if (text === "" || text === "true" || text === "false") return [`${flag}=${text || "true"}`];
  return [`kubebuilder:validation:${bound}=${text}`, `${flag}=true`];
};

function alias(tag: string, marker: string, toArguments: (text: string) => string): JsDocAlias {
  return { tag, marker, toMarkers: (text) => [marker + toArguments(text)] };
}

/** The alias table: JSDoc tag → marker. */
export const jsDocAliases: readonly JsDocAlias[] = [
  alias("minimum", "kubebuilder:validation:Minimum", anonymous),
  alias("maximum", "kubebuilder:validation:Maximum", anonymous),
  {
    tag: "exclusiveMinimum",
    marker: "kubebuilder:validation:ExclusiveMinimum",
    toMarkers: exclusiveBound("Minimum"),
  },
  {
    tag: "exclusiveMaximum",
    marker: "kubebuilder:validation:ExclusiveMaximum",
    toMarkers: exclusiveBound("Maximum"),
  },
  alias("multipleOf", "kubebuilder:validation:MultipleOf", anonymous),
  alias("minLength", "kubebuilder:validation:MinLength", anonymous),
  alias("maxLength", "kubebuilder:validation:MaxLength", anonymous),
  alias("pattern", "kubebuilder:validation:Pattern", rawString),
  alias("format", "kubebuilder:validation:Format", anonymous),
  alias("type", "kubebuilder:validation:Type", anonymous),
  alias("minItems", "kubebuilder:validation:MinItems", anonymous),
  alias("maxItems", "kubebuilder:validation:MaxItems", anonymous),
  alias("minProperties", "kubebuilder:validation:MinProperties", anonymous),
  alias("maxProperties", "kubebuilder:validation:MaxProperties", anonymous),
  alias("enum", "kubebuilder:validation:Enum", anonymous),
  alias("default", "default", jsonOrString),
  alias("nullable", "nullable", () => ""),
  alias("required", "required", () => ""),
  alias("optional", "optional", () => ""),
  alias("title", "kubebuilder:title", anonymous),
  alias("printcolumn", "kubebuilder:printcolumn", fields),
  alias("shortName", "kubebuilder:resource", (text) => `:shortName=${text}`),
];
