/**
 * The JSDoc tags that are not marker aliases (those are in jsdoc_aliases.ts): the tags that only
 * document the source, and the tags typescript-json-schema (and JSON Schema) know that have no CRD
 * form, each with what to write instead. Every other tag is reported as unknown: no tag is ever
 * dropped without a word.
 */

/** Tags for readers and editors (TSDoc, JSDoc): their text is neither a marker nor the description. */
export const documentationTags: ReadonlySet<string> = new Set([
  "see",
  "remarks",
  "example",
  "privateRemarks",
  "since",
  "author",
  "license",
  "copyright",
  "link",
  "inheritDoc",
  "internal",
  "public",
  "alpha",
  "beta",
  "experimental",
  "packageDocumentation",
  "module",
  "fileoverview",
  "todo",
  "version",
  "category",
]);

/** A tag with no CRD form. An error when ignoring it would silently drop a validation. */
export interface RefusedTag {
  severity: "error" | "warning";
  reason: string;
  hint: string;
}

const immutable = '+kubebuilder:validation:XValidation:rule="self == oldSelf" makes a field unchangeable';

/** Tags typescript-json-schema or JSON Schema define that a CRD schema cannot hold. */
export const refusedTags: ReadonlyMap<string, RefusedTag> = new Map<string, RefusedTag>([
  [
    "uniqueItems",
    {
      severity: "error",
      reason: "kube-apiserver refuses uniqueItems: true in a CRD (its check is quadratic)",
      hint: "+listType=set (a list of unique scalars), or +listType=map with +listMapKey=<key> for objects",
    },
  ],
  [
    "$ref",
    {
      severity: "error",
      reason: "a structural schema cannot hold $ref",
      hint: "use the referenced type in TypeScript: the generator inlines named types",
    },
  ],
  [
    "additionalProperties",
    {
      severity: "error",
      reason: "additionalProperties follows from the type (a structural schema prunes unknown fields)",
      hint: "Record<string, T> for a map; +kubebuilder:pruning:PreserveUnknownFields to keep unknown fields",
    },
  ],
  [
    "contains",
    {
      severity: "error",
      reason: "CRD schemas have no contains",
      hint: '+kubebuilder:validation:XValidation:rule="self.exists(x, <condition>)"',
    },
  ],
  [
    "asType",
    {
      severity: "error",
      reason: "@asType has no CRD form",
      hint: "write the TypeScript type you mean, or @type / +kubebuilder:validation:Type=<string|integer|number|boolean|object|array>",
    },
  ],
  [
    "discriminator",
    {
      severity: "error",
      reason: "unions of object types have no structural schema",
      hint: "one object with optional fields and +kubebuilder:validation:ExactlyOneOf={a,b} on it",
    },
  ],
  [
    "readOnly",
    {
      severity: "warning",
      reason: "apiextensions.k8s.io/v1 schemas have no readOnly",
      hint: `put fields the controller sets in status; ${immutable}`,
    },
  ],
  [
    "writeOnly",
    {
      severity: "warning",
      reason: "apiextensions.k8s.io/v1 schemas have no writeOnly",
      hint: "keep secrets in a Secret and reference it by name",
    },
  ],
  [
    "deprecated",
    {
      severity: "warning",
      reason: "a CRD field cannot be marked deprecated",
      hint: "say so in the field's description; a deprecated API version is +kubebuilder:deprecatedversion on its kind",
    },
  ],
  [
    "$comment",
    {
      severity: "warning",
      reason: "CRD schemas have no $comment",
      hint: "a // comment, or the description",
    },
  ],
  [
    "$id",
    {
      severity: "warning",
      reason: "CRD schemas have no $id (a CRD names its schema by group, version and kind)",
      hint: "remove the tag",
    },
  ],
  [
    "id",
    {
      severity: "warning",
      reason: "CRD schemas have no id (a CRD names its schema by group, version and kind)",
      hint: "remove the tag",
    },
  ],
  [
    "contentMediaType",
    {
      severity: "warning",
      reason: "CRD schemas have no contentMediaType",
      hint: "say it in the description; base64 data is @format byte",
    },
  ],
  [
    "contentEncoding",
    {
      severity: "warning",
      reason: "CRD schemas have no contentEncoding",
      hint: "base64 data is @format byte (+kubebuilder:validation:Format=byte)",
    },
  ],
  [
    "defaultValue",
    {
      severity: "warning",
      reason: "@defaultValue only documents a default (TSDoc)",
      hint: "@default <JSON value> sets the default in the schema",
    },
  ],
]);
