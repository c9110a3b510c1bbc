/**
 * Reads the generated catalog of the built-in API: the served resources, and what follows from
 * each kind's Go struct (the decoder's types, the zero value Go serializes, managedFields'
 * tracking schema, strategic merge patch keys). A package's types are built when first asked for
 * and each derived form is computed once per Go type.
 */
import { catalogGroups } from "./generated/resources.js";
import { typeLoaders } from "./generated/types.js";
import type { CatalogResource, GoFieldModel, GoTypeModel } from "./catalog_model.js";

/** Every resource of the catalog, in discovery order. */
export function catalogResources(): CatalogResource[] {
  return catalogGroups.flatMap((group) => group.versions.flatMap((version) => version.resources));
}

/** The built-in groups, highest priority first, as discovery orders them. */
export function catalogGroupOrder(): string[] {
  return catalogGroups.map((group) => group.name);
}

let kindTypes: Map<string, string> | undefined;

/** The catalog key of the Go struct of `kind` at `apiVersion` (`apps/v1` `Deployment`), if the catalog serves it. */
export function goTypeOfKind(apiVersion: string, kind: string): string | undefined {
  if (!kindTypes) {
    kindTypes = new Map();
    for (const resource of catalogResources()) {
      const resourceApiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
      kindTypes.set(`${resourceApiVersion}/${resource.kind}`, resource.goType);
    }
    // A subresource's own kind (TokenRequest, Eviction, Scale) is registered in the scheme too.
    for (const resource of catalogResources()) {
      for (const sub of resource.subresources) {
        const key = `${sub.group ? `${sub.group}/${sub.version}` : sub.version}/${sub.kind}`;
        if (sub.goType && !kindTypes.has(key)) kindTypes.set(key, sub.goType);
      }
    }
  }
  return kindTypes.get(`${apiVersion}/${kind}`);
}

const loadedPackages = new Map<string, Record<string, GoTypeModel>>();

/** The model of the Go type `key` (`apps/v1.Deployment`), or undefined for a special or unknown name. */
export function goTypeModel(key: string): GoTypeModel | undefined {
  const dot = key.lastIndexOf(".");
  const packagePath = key.slice(0, dot);
  let models = loadedPackages.get(packagePath);
  if (!models) {
    const load = typeLoaders[packagePath];
    if (!load) return undefined;
    models = load();
    loadedPackages.set(packagePath, models);
  }
  return models[key.slice(dot + 1)];
}

/** A struct's JSON fields, embedded structs' fields inlined in their place. */
export function jsonFields(model: GoTypeModel): GoFieldModel[] {
  const fields: GoFieldModel[] = [];
  for (const field of model.fields ?? []) {
    if (!field.inline) {
      fields.push(field);
      continue;
    }
    const embedded = goTypeModel(field.type.replace(/^\*/, ""));
    if (embedded) fields.push(...jsonFields(embedded));
  }
  return fields;
}

/** The parts of a Go type expression: its pointer, slice or map wrapper and what it wraps. */
type TypeExpression =
  { form: "pointer" | "slice"; element: string } | { form: "map"; element: string } | { form: "named"; name: string };

export function parseTypeExpression(type: string): TypeExpression {
  if (type.startsWith("*")) return { form: "pointer", element: type.slice(1) };
  if (type.startsWith("[]")) return { form: "slice", element: type.slice(2) };
  if (type.startsWith("map[")) {
    let depth = 0;
    for (let index = 3; index < type.length; index += 1) {
      if (type[index] === "[") depth += 1;
      else if (type[index] === "]" && --depth === 0) return { form: "map", element: type.slice(index + 1) };
    }
  }
  return { form: "named", name: type };
}

/**
 * The value Go's encoding/json writes for a field holding its zero value, or undefined when it
 * writes none (omitempty of an empty value, omitzero of a zero one).
 */
function zeroValue(field: GoFieldModel, seen: ReadonlySet<string>): unknown {
  const expression = parseTypeExpression(field.type);
  if (expression.form !== "named") return field.omitempty || field.omitzero ? undefined : null;
  const type = expression.name;
  switch (type) {
    case "string":
    case "types.UID":
    case "types.NodeName":
      return field.omitempty || field.omitzero ? undefined : "";
    case "bool":
      return field.omitempty || field.omitzero ? undefined : false;
    case "v1.Time":
    case "v1.MicroTime":
      return field.omitzero ? undefined : null;
    case "resource.Quantity":
      return field.omitzero ? undefined : "0";
    case "intstr.IntOrString":
      return field.omitzero ? undefined : 0;
    case "runtime.RawExtension":
    case "v1.FieldsV1":
    case "v1.JSON":
      return field.omitempty || field.omitzero ? undefined : null;
  }
  if (basicZeroes.has(type)) return field.omitempty || field.omitzero ? undefined : 0;
  const model = goTypeModel(type);
  if (!model) return undefined;
  if (model.underlying !== undefined) {
    if (field.omitempty || field.omitzero) return undefined;
    return zeroValue({ ...field, type: model.underlying }, seen);
  }
  // omitempty never drops a struct; omitzero does.
  if (field.omitzero || seen.has(type)) return undefined;
  return zeroObject(model, new Set([...seen, type]));
}

function zeroObject(model: GoTypeModel, seen: ReadonlySet<string>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of jsonFields(model)) {
    const value = zeroValue(field, seen);
    if (value !== undefined) object[field.json] = value;
  }
  return object;
}

const basicZeroes = new Set(["int32", "int64", "int", "uint64", "uint32", "byte", "float64", "float32"]);

const emptyObjects = new Map<string, Record<string, unknown>>();

/**
 * The fields Go serializes for a kind's zero value besides type and object meta (non-omitempty
 * fields, and struct fields, which omitempty never drops).
 */
export function emptyObjectOf(kindType: string): Record<string, unknown> {
  let empty = emptyObjects.get(kindType);
  if (!empty) {
    const model = goTypeModel(kindType);
    empty = model ? zeroObject(model, new Set([kindType])) : {};
    delete empty.apiVersion;
    delete empty.kind;
    delete empty.metadata;
    emptyObjects.set(kindType, empty);
  }
  return empty;
}

const trackingSchemas = new Map<string, Record<string, unknown>>();

/**
 * Special types whose JSON object is tracked whole: their OpenAPI definition is an object with no
 * fields (RawExtension: a ControllerRevision's `data` is one field in managedFields).
 */
const opaqueObjectTypes = new Set(["runtime.RawExtension"]);

/**
 * How managedFields track a Go type's fields, in OpenAPI's words (see ResourceType.fieldSchema):
 * a struct's declared `properties`, a map's `additionalProperties`, lists with their
 * `x-kubernetes-list-type`, and atomic structs and maps.
 */
export function trackingSchema(type: string, markers: Partial<GoFieldModel> = {}): Record<string, unknown> {
  const expression = parseTypeExpression(type);
  if (expression.form === "pointer") return trackingSchema(expression.element, markers);
  if (expression.form === "slice") {
    if (expression.element === "byte") return {};
    const schema: Record<string, unknown> = { items: trackingSchema(expression.element) };
    const listType = markers.listType ?? goTypeModel(type)?.listType;
    if (listType) schema["x-kubernetes-list-type"] = listType;
    if (listType === "map") schema["x-kubernetes-list-map-keys"] = markers.listMapKeys ?? [];
    return schema;
  }
  if (expression.form === "map") {
    const schema: Record<string, unknown> = { additionalProperties: trackingSchema(expression.element) };
    if (markers.mapType === "atomic") schema["x-kubernetes-map-type"] = "atomic";
    return schema;
  }
  const model = goTypeModel(type);
  if (!model) return opaqueObjectTypes.has(type) ? { "x-kubernetes-map-type": "atomic" } : {};
  if (model.underlying !== undefined) return trackingSchema(model.underlying, { ...markers, ...pickMarkers(model) });
  const cached = trackingSchemas.get(type);
  if (cached) return markedAtomic(cached, markers);
  const properties: Record<string, unknown> = {};
  const schema: Record<string, unknown> = { properties };
  if (model.structType === "atomic" || model.mapType === "atomic") schema["x-kubernetes-map-type"] = "atomic";
  trackingSchemas.set(type, schema);
  for (const field of jsonFields(model)) properties[field.json] = trackingSchema(field.type, field);
  return markedAtomic(schema, markers);
}

function pickMarkers(model: GoTypeModel): Partial<GoFieldModel> {
  const markers: Partial<GoFieldModel> = {};
  if (model.listType) markers.listType = model.listType;
  if (model.mapType) markers.mapType = model.mapType;
  return markers;
}

/** A struct field marked `+structType=atomic` or `+mapType=atomic` is tracked whole. */
function markedAtomic(schema: Record<string, unknown>, markers: Partial<GoFieldModel>): Record<string, unknown> {
  return markers.structType === "atomic" || markers.mapType === "atomic"
    ? { ...schema, "x-kubernetes-map-type": "atomic" }
    : schema;
}

/** How a strategic merge patch treats a kind's fields, from its Go structs' patch tags, by dotted path. */
export interface StrategicPatchRules {
  /** Lists that merge (`patchStrategy:"merge"`), with their `patchMergeKey` (null: scalars merged as a set). */
  mergeKeys: Record<string, string | null>;
  /** Fields a patch replaces whole (`patchStrategy:"replace"`, as a PodDisruptionBudget's selector). */
  replaced: ReadonlySet<string>;
}

const patchRuleTables = new Map<string, StrategicPatchRules>();

export function strategicPatchRulesOf(kindType: string): StrategicPatchRules {
  let rules = patchRuleTables.get(kindType);
  if (!rules) {
    const collected = { mergeKeys: {}, replaced: new Set<string>() };
    collectPatchRules(kindType, "", collected, new Set());
    rules = collected;
    patchRuleTables.set(kindType, rules);
  }
  return rules;
}

function collectPatchRules(
  type: string,
  path: string,
  into: { mergeKeys: Record<string, string | null>; replaced: Set<string> },
  seen: Set<string>,
): void {
  const expression = parseTypeExpression(type);
  if (expression.form !== "named") return collectPatchRules(expression.element, path, into, seen);
  const model = goTypeModel(type);
  if (!model?.fields || seen.has(type)) return;
  const inner = new Set([...seen, type]);
  for (const field of jsonFields(model)) {
    const fieldPath = path ? `${path}.${field.json}` : field.json;
    const strategies = field.patchStrategy?.split(",") ?? [];
    if (strategies.includes("merge") && field.type.startsWith("[]"))
      into.mergeKeys[fieldPath] = field.patchMergeKey || null;
    if (strategies.includes("replace")) into.replaced.add(fieldPath);
    collectPatchRules(field.type, fieldPath, into, inner);
  }
}

/**
 * Makes `value`, a JSON value of Go type `type`, what a decode into the Go struct and an encode
 * back would write: every struct reached (through pointers, slices and maps) gets its
 * non-omitempty fields' zero values, and loses the fields Go leaves out (an omitempty field
 * holding false, 0, "", null or an empty list or map; an omitzero one holding a zero scalar).
 */
export function fillZeroValues(value: unknown, type: string): void {
  forEachNamedValue(value, type, (named, name) => {
    const model = goTypeModel(name);
    if (!model?.fields || Array.isArray(named)) return;
    const object = named as Record<string, unknown>;
    for (const field of jsonFields(model)) {
      if (object[field.json] === undefined) {
        const zero = zeroValue(field, new Set([name]));
        if (zero !== undefined) object[field.json] = zero;
      } else if (omittedByGo(field, object[field.json])) Reflect.deleteProperty(object, field.json);
      else fillZeroValues(object[field.json], field.type);
    }
  });
}

/**
 * Calls `visit` with each object or list that `value`, of Go type `type`, holds as a named type
 * once its pointers, slices and maps are unwrapped (`[]*core/v1.Container`: each container).
 */
export function forEachNamedValue(value: unknown, type: string, visit: (value: object, name: string) => void): void {
  if (value === null || typeof value !== "object") return;
  const expression = parseTypeExpression(type);
  if (expression.form === "named") return visit(value, expression.name);
  if (expression.form === "map") {
    if (!Array.isArray(value))
      for (const item of Object.values(value)) forEachNamedValue(item, expression.element, visit);
  } else if (expression.form === "pointer") forEachNamedValue(value, expression.element, visit);
  else if (Array.isArray(value)) for (const item of value) forEachNamedValue(item, expression.element, visit);
}

/** Whether encoding/json leaves out `field` holding `value` (its omitempty and omitzero rules). */
function omittedByGo(field: GoFieldModel, value: unknown): boolean {
  if (!field.omitempty && !field.omitzero) return false;
  const kind = goKindOf(field.type);
  // null decodes to a nil pointer, list or map; into a struct (a Time) it is the zero struct, kept.
  if (value === null) return kind === "pointer" || kind === "slice" || kind === "map";
  const zeroScalar =
    (kind === "bool" && value === false) || (kind === "number" && value === 0) || (kind === "string" && value === "");
  if (zeroScalar) return true;
  // omitzero keeps an empty (non-nil) list or map: the decode of `[]` or `{}` is not nil.
  if (!field.omitempty) return false;
  // A []byte is a base64 string in JSON.
  if (kind === "slice") return (Array.isArray(value) && value.length === 0) || value === "";
  if (kind === "map") return typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
  return false;
}

/** The encoding/json kind of a Go type that decides its emptiness ("other": a struct, never empty). */
function goKindOf(type: string): "bool" | "number" | "string" | "slice" | "map" | "pointer" | "other" {
  const expression = parseTypeExpression(type);
  if (expression.form === "slice") return "slice";
  if (expression.form === "map") return "map";
  if (expression.form === "pointer") return "pointer";
  if (type === "bool") return "bool";
  if (type === "string" || type === "types.UID" || type === "types.NodeName") return "string";
  if (basicZeroes.has(type)) return "number";
  const underlying = goTypeModel(type)?.underlying;
  return underlying === undefined ? "other" : goKindOf(underlying);
}
