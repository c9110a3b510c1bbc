/**
 * Compares a CRD schema that crdgen wrote for a field of a built-in type, path by path, with the
 * reference kube-apiserver's /openapi/v3 schema for the same type. Where the two documents differ
 * by design (an OpenAPI document for built-in types is not a structural CRD schema), the
 * difference is explained by one of `allowRules`, each with its reason; anything else is a
 * difference the caller reports.
 */
import { isDeepStrictEqual } from "node:util";

/** An OpenAPI v3 schema node, as either document holds it. */
export type OpenApiSchema = { [keyword: string]: unknown };

/** A difference at one path: the keyword, and the value on each side. */
export interface SchemaDifference {
  path: string;
  keyword: string;
  reference: unknown;
  crdgen: unknown;
}

/** A systematic difference both controller-gen and crdgen have, with why it is right. */
export interface AllowRule {
  name: string;
  reason: string;
  allows(difference: SchemaDifference, referenceNode: OpenApiSchema): boolean;
}

const metav1 = "io.k8s.apimachinery.pkg.apis.meta.v1.";
const quantityRef = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const intOrStringRef = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

/** Collapses whitespace: openapi-gen joins a doc comment's lines with spaces, controller-gen keeps them. */
const normalizeText = (text: unknown) => (typeof text === "string" ? text.replace(/\s+/g, " ").trim() : text);
const isZeroValue = (value: unknown) => value === 0 || value === "" || value === false || isDeepStrictEqual(value, {});

export const allowRules: readonly AllowRule[] = [
  {
    name: "quantity",
    reason:
      "a resource.Quantity is `type: string` in the server's document (its JSON form); controller-gen writes it as int-or-string with its pattern (known_types.go) so that a CRD accepts 1 as well as \"1\" and checks the syntax the server's Go code parses",
    allows: (difference) => difference.keyword === `$ref:${quantityRef}`,
  },
  {
    name: "int-or-string",
    reason:
      "the server's document says `type: string, format: int-or-string`; a structural CRD schema says the same with x-kubernetes-int-or-string and anyOf [integer, string], as controller-gen writes it",
    allows: (difference) => difference.keyword === `$ref:${intOrStringRef}`,
  },
  {
    name: "embedded-object-meta",
    reason:
      "an embedded ObjectMeta (a template's metadata) is `type: object` in controller-gen's CRDs (with generateEmbeddedObjectMeta, its allowlisted fields): CRD schemas do not validate metadata, the server's typed code does",
    allows: (difference) => difference.keyword === `$ref:${metav1}ObjectMeta`,
  },
  {
    name: "description-enum-values",
    reason:
      'openapi-gen appends "Possible enum values: ..." to the description of a field of a +enum type; controller-gen does not read +enum and writes the doc comment alone',
    allows: (difference) =>
      difference.keyword === "description" &&
      typeof difference.reference === "string" &&
      typeof difference.crdgen === "string" &&
      normalizeText(difference.reference.replace(/\n\nPossible enum values:[\s\S]*$/, "")) ===
        normalizeText(difference.crdgen),
  },
  {
    name: "enum",
    reason:
      "openapi-gen turns +enum types into `enum`; controller-gen does not read +enum (only +kubebuilder:validation:Enum)",
    allows: (difference) => difference.keyword === "enum" && difference.crdgen === undefined,
  },
  {
    name: "zero-value-default",
    reason:
      'openapi-gen documents Go\'s zero value as the default of a non-pointer field (default: {}, 0, "", false); controller-gen writes defaults only from +default markers',
    allows: (difference) =>
      difference.keyword === "default" && difference.crdgen === undefined && isZeroValue(difference.reference),
  },
  {
    name: "ref-default",
    reason:
      "openapi-gen resolves +default=ref(<Go constant>) (AzureDiskVolumeSource.cachingMode: ReadWrite); controller-gen skips such defaults (its KubernetesDefault marker), so crdgen's generated types leave them out",
    allows: (difference) =>
      difference.keyword === "default" && difference.crdgen === undefined && typeof difference.reference === "string",
  },
  {
    name: "embedded-struct-type",
    reason:
      "controller-gen flattens an embedded struct into the struct that embeds it, its +structType=atomic included (ConfigMapEnvSource embeds LocalObjectReference); openapi-gen keeps only the properties",
    allows: (difference, node) =>
      difference.keyword === "x-kubernetes-map-type" &&
      difference.reference === undefined &&
      difference.crdgen === "atomic" &&
      "name" in ((node["properties"] ?? {}) as object),
  },
  {
    name: "item-type-description",
    reason:
      "controller-gen describes the items of a list (or values of a map) of a named type with the type's doc comment ([]Capability); openapi-gen writes items without a description",
    allows: (difference) =>
      difference.keyword === "description" &&
      difference.reference === undefined &&
      /(\[\*\]|\{\*\})$/.test(difference.path),
  },
  {
    name: "patch-strategy",
    reason:
      "x-kubernetes-patch-strategy and x-kubernetes-patch-merge-key drive strategic merge patch, which custom resources do not support; controller-gen does not write them",
    allows: (difference) =>
      difference.keyword === "x-kubernetes-patch-strategy" || difference.keyword === "x-kubernetes-patch-merge-key",
  },
];

/** The keywords compared at every node; description after whitespace normalisation. */
const comparedKeywords = [
  "type",
  "format",
  "description",
  "enum",
  "default",
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-map-type",
  "x-kubernetes-patch-strategy",
  "x-kubernetes-patch-merge-key",
] as const;

/** What a comparison found: every path compared, the allowed differences by rule, the others. */
export interface ComparisonResult {
  paths: number;
  allowed: Map<string, SchemaDifference[]>;
  differences: SchemaDifference[];
}

/**
 * Compares crdgen's `crdgen` schema with the reference's `reference` (a node of the server's
 * document, whose `$ref`s are resolved in `components`).
 */
export function compareWithReference(
  crdgen: OpenApiSchema,
  reference: OpenApiSchema,
  components: Record<string, OpenApiSchema>,
  path = "",
): ComparisonResult {
  const result: ComparisonResult = { paths: 0, allowed: new Map(), differences: [] };
  walk(crdgen, reference, path, components, result);
  return result;
}

function record(result: ComparisonResult, difference: SchemaDifference, node: OpenApiSchema): void {
  const rule = allowRules.find((candidate) => candidate.allows(difference, node));
  if (!rule) result.differences.push(difference);
  else result.allowed.set(rule.name, [...(result.allowed.get(rule.name) ?? []), difference]);
}

/** The reference node with `$ref` / `allOf: [{$ref}]` resolved, the outer keywords winning, and the ref's name. */
function resolve(
  node: OpenApiSchema,
  components: Record<string, OpenApiSchema>,
): { node: OpenApiSchema; ref: string | undefined } {
  const allOf = node["allOf"] as OpenApiSchema[] | undefined;
  const refText = (node["$ref"] ?? allOf?.[0]?.["$ref"]) as string | undefined;
  if (refText === undefined) return { node, ref: undefined };
  const ref = refText.replace("#/components/schemas/", "");
  const target = components[ref];
  if (!target) throw new Error(`the reference document has no schema ${ref}`);
  const { allOf: _allOf, $ref: _ref, ...outer } = node;
  void _allOf;
  void _ref;
  return { node: { ...target, ...outer }, ref };
}

/** The types controller-gen maps to schemas of its own (known_types.go), and the form it gives each. */
const knownTypes = new Map<string, (schema: OpenApiSchema) => boolean>([
  [
    quantityRef,
    (schema) =>
      schema["x-kubernetes-int-or-string"] === true &&
      typeof schema["pattern"] === "string" &&
      isDeepStrictEqual(schema["anyOf"], [{ type: "integer" }, { type: "string" }]),
  ],
  [
    intOrStringRef,
    (schema) =>
      schema["x-kubernetes-int-or-string"] === true &&
      isDeepStrictEqual(schema["anyOf"], [{ type: "integer" }, { type: "string" }]),
  ],
  [`${metav1}ObjectMeta`, (schema) => schema["type"] === "object"],
]);

function walk(
  crdgen: OpenApiSchema,
  referenceNode: OpenApiSchema,
  path: string,
  components: Record<string, OpenApiSchema>,
  result: ComparisonResult,
): void {
  result.paths++;
  const { node: reference, ref } = resolve(referenceNode, components);
  const knownForm = ref === undefined ? undefined : knownTypes.get(ref);
  if (knownForm) {
    // controller-gen maps these types to schemas of its own; the rule says why
    const keyword = knownForm(crdgen) ? `$ref:${ref}` : `not controller-gen's form of ${ref}`;
    record(result, { path, keyword, reference: reference["type"], crdgen }, reference);
    return;
  }
  for (const keyword of comparedKeywords) {
    const [left, right] =
      keyword === "description"
        ? [normalizeText(reference[keyword]), normalizeText(crdgen[keyword])]
        : [reference[keyword], crdgen[keyword]];
    if (!isDeepStrictEqual(left, right))
      record(result, { path, keyword, reference: reference[keyword], crdgen: crdgen[keyword] }, reference);
  }
  const required = (schema: OpenApiSchema) => [...((schema["required"] as string[] | undefined) ?? [])].sort();
  if (!isDeepStrictEqual(required(reference), required(crdgen)))
    record(result, { path, keyword: "required", reference: required(reference), crdgen: required(crdgen) }, reference);
  const referenceProperties = (reference["properties"] ?? {}) as Record<string, OpenApiSchema>;
  const crdgenProperties = (crdgen["properties"] ?? {}) as Record<string, OpenApiSchema>;
  for (const name of new Set([...Object.keys(referenceProperties), ...Object.keys(crdgenProperties)])) {
    const [left, right] = [referenceProperties[name], crdgenProperties[name]];
    if (left && right) walk(right, left, `${path}.${name}`, components, result);
    else
      record(result, { path: `${path}.${name}`, keyword: "property", reference: !!left, crdgen: !!right }, reference);
  }
  for (const keyword of ["items", "additionalProperties"] as const) {
    const [left, right] = [reference[keyword], crdgen[keyword]];
    if (typeof left === "object" && left !== null && typeof right === "object" && right !== null)
      walk(
        right as OpenApiSchema,
        left as OpenApiSchema,
        `${path}${keyword === "items" ? "[*]" : "{*}"}`,
        components,
        result,
      );
    else if (left !== undefined || right !== undefined)
      record(result, { path, keyword, reference: left, crdgen: right }, reference);
  }
}
