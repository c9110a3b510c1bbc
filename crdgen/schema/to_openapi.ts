/**
 * The type model → OpenAPI v3 stage: every named type inlined (no `$ref`, the schema must be
 * structural), markers applied, `required` computed from `?` and `+optional`/`+required`,
 * defaults checked against the schema they sit in.
 */
import { DiagnosticCode, errorAt, type Diagnostic } from "../diagnostics.js";
import { requirednessTiers } from "../markers/definitions/validation.js";
import { applySchemaMarkers, findMarker, hasMarker } from "./apply_markers.js";
import { mergeEmbedded, mergeFieldOverType } from "./flatten.js";
import type { JSONSchemaProps, JsonValue, PropertyModel, TypeModel } from "./model.js";
import { validateValue } from "./validate_value.js";

/** Properties that a kind never requires: the API machinery fills them in (Go's omitempty). */
const rootOptional = new Set(["apiVersion", "kind", "metadata"]);

/** The schema of a kind's root object, with the top-level metadata reset to `type: object`. */
export function rootSchema(model: TypeModel, diagnostics: Diagnostic[]): JSONSchemaProps {
  const schema = schemaOfModel(model, model.name ?? "", diagnostics, true);
  // controller-gen's FixTopLevelMetadata: the API server owns metadata's schema.
  if (schema.properties?.["metadata"]) schema.properties["metadata"] = { type: "object" };
  return schema;
}

/** The schema of `model` with its type-level markers applied. */
export function schemaOfModel(
  model: TypeModel,
  path: string,
  diagnostics: Diagnostic[],
  isRoot = false,
): JSONSchemaProps {
  const schema = baseSchema(model, path, diagnostics, isRoot);
  if (model.description !== undefined) schema.description = model.description;
  if (model.nullable) schema.nullable = true;
  applySchemaMarkers(schema, model.markers, path, diagnostics);
  if (model.kind === "object")
    for (const base of model.bases ?? []) mergeEmbedded(schema, embeddedTypeSchema(base, path, diagnostics));
  return schema;
}

/**
 * What an embedded struct's type adds to the struct that embeds it: controller-gen puts the
 * embedded type in the struct's allOf and flattens it in, so its type-level markers
 * (`+structType=atomic`, CEL rules, ...) hold for the embedding struct too. Its properties are
 * already the embedding model's own.
 */
function embeddedTypeSchema(base: TypeModel, path: string, diagnostics: Diagnostic[]): JSONSchemaProps {
  const schema: JSONSchemaProps = { type: "object" };
  applySchemaMarkers(schema, base.markers, path, diagnostics);
  if (base.kind === "object")
    for (const inner of base.bases ?? []) mergeEmbedded(schema, embeddedTypeSchema(inner, path, diagnostics));
  return schema;
}

function baseSchema(model: TypeModel, path: string, diagnostics: Diagnostic[], isRoot: boolean): JSONSchemaProps {
  switch (model.kind) {
    case "primitive":
      return { type: model.type };
    case "enum":
      return { type: model.type, enum: [...model.values] };
    case "array":
      return { type: "array", items: itemSchema(model.items, `${path}[*]`, diagnostics) };
    case "map":
      return { type: "object", additionalProperties: itemSchema(model.values, `${path}[*]`, diagnostics) };
    case "object":
      return objectSchema(model.properties, path, diagnostics, isRoot);
    case "union":
    case "any":
    case "invalid":
      return {};
  }
}

/** Array items and map values: no field markers reach them, so check for a schema here. */
function itemSchema(model: TypeModel, path: string, diagnostics: Diagnostic[]): JSONSchemaProps {
  const schema = schemaOfModel(model, path, diagnostics);
  requireSchema(model, schema, path, diagnostics);
  return schema;
}

function objectSchema(
  properties: readonly PropertyModel[],
  path: string,
  diagnostics: Diagnostic[],
  isRoot: boolean,
): JSONSchemaProps {
  const schema: JSONSchemaProps = { type: "object" };
  if (properties.length === 0) return schema;
  const byName: Record<string, JSONSchemaProps> = {};
  const required: string[] = [];
  for (const property of properties) {
    const propertyPath = `${path}.${property.name}`;
    byName[property.name] = propertySchema(property, propertyPath, diagnostics);
    if (isRequired(property, propertyPath, diagnostics) && !(isRoot && rootOptional.has(property.name)))
      required.push(property.name);
  }
  schema.properties = byName;
  if (required.length > 0) schema.required = required.sort();
  // an optional immutable field could still be removed: its parent keeps it once set (controller-gen)
  for (const property of properties) {
    if (!hasMarker(property.markers, "k8s:immutable") || required.includes(property.name)) continue;
    schema["x-kubernetes-validations"] = [
      ...(schema["x-kubernetes-validations"] ?? []),
      {
        rule: `!has(oldSelf.${property.name}) || has(self.${property.name})`,
        message: `field ${property.name} is immutable once set`,
      },
    ];
  }
  return schema;
}

function propertySchema(property: PropertyModel, path: string, diagnostics: Diagnostic[]): JSONSchemaProps {
  let schema = schemaOfModel(property.type, path, diagnostics);
  // a type that could not be read is already reported; its markers would only fail again
  if (property.type.kind === "invalid") {
    if (property.description !== undefined) schema.description = property.description;
    return schema;
  }
  if (isReference(property.type) && property.markers.some((marker) => marker.definition.applyToSchema)) {
    const fieldSchema = referenceSchema(property.type, schema);
    applySchemaMarkers(fieldSchema, property.markers, path, diagnostics);
    delete fieldSchema.$ref;
    schema = mergeFieldOverType(schema, fieldSchema);
  } else {
    applySchemaMarkers(schema, property.markers, path, diagnostics);
  }
  if (property.description !== undefined) schema.description = property.description;
  requireSchema(property.type, schema, path, diagnostics);
  checkDefault(property, schema, path, diagnostics);
  return schema;
}

/**
 * Go's predeclared types, which controller-gen writes in place; every other named type is a
 * reference whose field markers merge over the type's schema (see flatten.ts).
 */
const goPredeclaredAliases = new Set(["int32", "int64", "float64"]);

function isReference(model: TypeModel): model is TypeModel & { name: string } {
  return model.name !== undefined && !goPredeclaredAliases.has(model.name);
}

/**
 * What controller-gen gives a field of a named type before the field's markers apply: the
 * reference, with the type and format of a named scalar and the type of a named list or map
 * (pkg/crd/schema.go, localNamedToSchema), so that markers check what they apply to.
 */
function referenceSchema(model: TypeModel & { name: string }, typeSchema: JSONSchemaProps): JSONSchemaProps {
  const schema: JSONSchemaProps = { $ref: model.name };
  if (model.kind === "array") schema.type = "array";
  else if (model.kind === "map") schema.type = "object";
  else if ((model.kind === "primitive" || model.kind === "enum") && typeSchema.type !== undefined) {
    schema.type = typeSchema.type;
    if (typeSchema.format !== undefined) schema.format = typeSchema.format;
  }
  return schema;
}

/**
 * `?` decides, `+optional` / `+required` override it (kubebuilder's pair over Kubernetes'), and
 * both of one pair together are an error.
 */
function isRequired(property: PropertyModel, path: string, diagnostics: Diagnostic[]): boolean {
  for (const tier of requirednessTiers) {
    const decision = tierDecision(property, tier, path, diagnostics);
    if (decision !== undefined) return decision;
  }
  return !property.questionToken;
}

function tierDecision(
  property: PropertyModel,
  tier: (typeof requirednessTiers)[number],
  path: string,
  diagnostics: Diagnostic[],
): boolean | undefined {
  const optional = findMarker(property.markers, ...tier.optional);
  const required = findMarker(property.markers, ...tier.required);
  if (optional && required) {
    diagnostics.push(
      errorAt(
        required.position,
        DiagnosticCode.conflictingMarkers,
        `${path} is marked both +${optional.definition.name} and +${required.definition.name}`,
        {
          fieldPath: path,
          hint: "keep one: `?` alone already makes a field optional",
        },
      ),
    );
    return false;
  }
  if (required) return true;
  if (optional) return false;
  return undefined;
}

/** any/unknown and unions need markers that give them a structural schema. */
function requireSchema(model: TypeModel, schema: JSONSchemaProps, path: string, diagnostics: Diagnostic[]): void {
  if (model.kind === "any") {
    if (
      schema.type !== undefined ||
      schema["x-kubernetes-preserve-unknown-fields"] ||
      schema["x-kubernetes-int-or-string"]
    )
      return;
    diagnostics.push(
      errorAt(
        model.position,
        DiagnosticCode.noSchema,
        `${path} has no schema: ${model.from} needs +kubebuilder:pruning:PreserveUnknownFields or a +kubebuilder:validation:Type`,
        {
          fieldPath: path,
          hint: 'give the field a concrete type, or use JSON / RawExtension from "uselessctl" for free-form data',
        },
      ),
    );
  } else if (model.kind === "union" && !schema["x-kubernetes-int-or-string"]) {
    diagnostics.push(
      errorAt(
        model.position,
        DiagnosticCode.noSchema,
        `${path} has no structural schema: a union of different types is only allowed as int-or-string`,
        {
          fieldPath: path,
          hint: 'use IntOrString from "uselessctl" (number | string with +kubebuilder:validation:XIntOrString), or a union of literals of one type',
        },
      ),
    );
  }
}

function checkDefault(property: PropertyModel, schema: JSONSchemaProps, path: string, diagnostics: Diagnostic[]): void {
  if (schema.default === undefined) return;
  const marker = findMarker(property.markers, "kubebuilder:default", "default") ?? property.markers[0];
  const { default: value, ...withoutDefault } = schema;
  for (const problem of validateValue(value as JsonValue, withoutDefault)) {
    diagnostics.push(
      errorAt(
        marker?.position ?? property.position,
        DiagnosticCode.invalidDefault,
        `default of ${path} does not validate against its schema: ${problem}`,
        { fieldPath: path },
      ),
    );
  }
}

/** controller-gen's maxDescLen: 0 removes descriptions, otherwise long ones are cut with "...". */
export function truncateDescriptions(schema: JSONSchemaProps, maxLength: number): void {
  if (schema.description !== undefined) {
    if (maxLength === 0) delete schema.description;
    else if (schema.description.length > maxLength) schema.description = schema.description.slice(0, maxLength) + "...";
  }
  const children = [
    schema.items,
    typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined,
    schema.not,
    ...Object.values(schema.properties ?? {}),
    ...(schema.anyOf ?? []),
    ...(schema.allOf ?? []),
    ...(schema.oneOf ?? []),
  ];
  for (const child of children) if (child) truncateDescriptions(child, maxLength);
}
