/**
 * Field sets as server-side apply tracks them: the set of field paths a manager owns, read from
 * and written to the `fieldsV1` form of managedFields (`{"f:spec":{".":{},"f:position":{}}}`).
 *
 * A path is its segments joined by NUL: `f:<field>`, `k:{"<key>":<value>}` for an item of a list
 * of `x-kubernetes-list-type: map`, `v:<value>` for an item of a `set`. Other lists are atomic
 * (one leaf).
 */
import { jsonEqual } from "./conversion.js";

/**
 * The parts of a schema that decide how fields are tracked: declared fields (`properties`, a
 * struct's fields) against map entries (`additionalProperties`), atomic maps, and list types.
 */
export interface ListSchema {
  properties?: Record<string, ListSchema>;
  additionalProperties?: ListSchema | boolean;
  items?: ListSchema;
  "x-kubernetes-list-type"?: string;
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-map-type"?: string;
}

export function childSchema(schema: ListSchema | undefined, key: string): ListSchema | undefined {
  return (
    schema?.properties?.[key] ??
    (typeof schema?.additionalProperties === "object" ? schema.additionalProperties : undefined)
  );
}

/** The `k:` segment of a map-list item: its key fields, sorted by name. */
export function itemKey(item: unknown, keys: readonly string[]): string {
  const record = (item ?? {}) as Record<string, unknown>;
  const entries = [...keys].sort().map((key) => [key, record[key]] as const);
  return `k:${JSON.stringify(Object.fromEntries(entries))}`;
}

function mapKeys(schema: ListSchema | undefined): string[] | undefined {
  return schema?.["x-kubernetes-list-type"] === "map" ? (schema["x-kubernetes-list-map-keys"] ?? []) : undefined;
}

const separator = "\u0000";

export type FieldSet = Set<string>;

export function joinPath(segments: readonly string[]): string {
  return segments.join(separator);
}

export function splitPath(path: string): string[] {
  return path.split(separator);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isGranularList(schema: ListSchema | undefined): boolean {
  const listType = schema?.["x-kubernetes-list-type"];
  return listType === "map" || listType === "set";
}

/** The segment naming a list item: its keys in a map list, its value in a set. */
function itemSegment(item: unknown, schema: ListSchema | undefined): string {
  const keys = mapKeys(schema);
  return keys ? itemKey(item, keys) : `v:${JSON.stringify(item)}`;
}

/**
 * The fields an applied configuration sets, as structured-merge-diff's ToFieldSet counts them:
 * every leaf (scalar, atomic list or atomic map) and every list item; a map entry of a map
 * (`additionalProperties`, or a field the schema does not declare) too, while a struct's declared
 * field is only there through its leaves. So `spec: {size: 2}` is `f:spec.f:size` without `f:spec`.
 */
export function appliedFieldSet(
  value: unknown,
  schema?: ListSchema,
  prefix: readonly string[] = [],
  into: FieldSet = new Set(),
): FieldSet {
  const here = () => into.add(joinPath(prefix));
  if (Array.isArray(value)) {
    if (!isGranularList(schema)) return prefix.length ? here() : into;
    for (const item of value) {
      const path = [...prefix, itemSegment(item, schema)];
      into.add(joinPath(path));
      if (mapKeys(schema)) appliedFieldSet(item, schema?.items, path, into);
    }
    return into;
  }
  if (!isPlainObject(value)) return value === null && schema?.properties ? into : prefix.length ? here() : into;
  if (schema?.["x-kubernetes-map-type"] === "atomic" && prefix.length) return here();
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const path = [...prefix, `f:${key}`];
    appliedFieldSet(child, childSchema(schema, key), path, into);
    if (!schema?.properties?.[key]) into.add(joinPath(path));
  }
  return into;
}

/**
 * Whether an item of a `map` list lacks one of the list's keys, which structured-merge-diff cannot
 * place in a field set ("associative list with keys has an element that omits key field").
 */
export function omitsListMapKey(value: unknown, schema: ListSchema | undefined): boolean {
  if (Array.isArray(value)) {
    const keys = mapKeys(schema);
    if (!keys) return false;
    return value.some(
      (item) =>
        !isPlainObject(item) ||
        keys.some((key) => item[key] === undefined || item[key] === null) ||
        omitsListMapKey(item, schema?.items),
    );
  }
  if (!isPlainObject(value) || !schema?.properties) return false;
  return Object.entries(value).some(([key, child]) => omitsListMapKey(child, childSchema(schema, key)));
}

/** What changed between two versions of an object, as structured-merge-diff's Compare reports it. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/**
 * Compares `before` and `after` field by field. Leaves (scalars, atomic lists and maps, and maps or
 * lists empty on both sides) are added, modified or removed; a granular map, list or list item is
 * itself added or removed only when it appears or disappears (which is what gives an Update
 * entry its `"."`). `undefined` is absent; `null` is a present value.
 */
export function compareObjects(before: unknown, after: unknown, schema?: ListSchema): Comparison {
  const comparison: Comparison = { added: new Set(), modified: new Set(), removed: new Set() };
  compareNode(before, after, schema, [], comparison);
  return comparison;
}

function compareNode(
  before: unknown,
  after: unknown,
  schema: ListSchema | undefined,
  prefix: readonly string[],
  out: Comparison,
): void {
  const path = joinPath(prefix);
  const record = (set: FieldSet) => {
    if (prefix.length) set.add(path);
  };
  const leaf = () => {
    if (before === undefined) record(out.added);
    else if (after === undefined) record(out.removed);
    else if (!jsonEqual(before, after)) record(out.modified);
  };
  const isList = Array.isArray(before) || Array.isArray(after);
  const isMap = !isList && (isPlainObject(before) || isPlainObject(after));
  if (!isList && !isMap) return leaf();
  const empty = (value: unknown) =>
    value === undefined ||
    value === null ||
    (isList ? !Array.isArray(value) || value.length === 0 : !isPlainObject(value) || Object.keys(value).length === 0);
  const atomic = isList ? !isGranularList(schema) : schema?.["x-kubernetes-map-type"] === "atomic";
  if ((atomic && prefix.length) || (empty(before) && empty(after))) return leaf();
  if (isList) {
    const items = (value: unknown) => {
      const byKey = new Map<string, unknown>();
      for (const item of Array.isArray(value) ? value : []) {
        const segment = itemSegment(item, schema);
        if (!byKey.has(segment)) byKey.set(segment, item);
      }
      return byKey;
    };
    const left = items(before);
    const right = items(after);
    for (const segment of new Set([...right.keys(), ...left.keys()])) {
      compareNode(
        left.get(segment),
        right.get(segment),
        mapKeys(schema) ? schema?.items : undefined,
        [...prefix, segment],
        out,
      );
    }
  } else {
    const left = isPlainObject(before) ? before : {};
    const right = isPlainObject(after) ? after : {};
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      compareNode(left[key], right[key], childSchema(schema, key), [...prefix, `f:${key}`], out);
    }
  }
  if (before === undefined) record(out.added);
  else if (after === undefined) record(out.removed);
}

/** Finds the item of a list that a `k:` or `v:` segment names; its index, or -1. */
export function findItem(list: readonly unknown[], segment: string): number {
  if (segment.startsWith("v:")) {
    const wanted = segment.slice(2);
    return list.findIndex((item) => JSON.stringify(item) === wanted);
  }
  const key = JSON.parse(segment.slice(2)) as Record<string, unknown>;
  return list.findIndex((item) =>
    Object.entries(key).every(
      ([name, value]) => JSON.stringify((item as Record<string, unknown>)?.[name]) === JSON.stringify(value),
    ),
  );
}

/** Reads the value at a field path. */
export function valueAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const segment of splitPath(path)) {
    if (current === null || typeof current !== "object") return undefined;
    if (Array.isArray(current)) {
      if (!segment.startsWith("k:") && !segment.startsWith("v:")) return undefined;
      const index = findItem(current, segment);
      current = index >= 0 ? current[index] : undefined;
    } else {
      if (!segment.startsWith("f:")) return undefined;
      current = (current as Record<string, unknown>)[segment.slice(2)];
    }
  }
  return current;
}

interface Node {
  present: boolean;
  children: Map<string, Node>;
}

/** Serializes a field set to `fieldsV1`. */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const root: Node = { present: false, children: new Map() };
  for (const path of set) {
    let node = root;
    for (const segment of splitPath(path)) {
      let child = node.children.get(segment);
      if (!child) {
        child = { present: false, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.present = true;
  }
  const render = (node: Node): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (node.present && node.children.size) out["."] = {};
    for (const key of [...node.children.keys()].sort()) out[key] = render(node.children.get(key) as Node);
    return out;
  };
  return render(root);
}

/** Parses `fieldsV1` into a field set. */
export function fromFieldsV1(tree: unknown, prefix: readonly string[] = [], into: FieldSet = new Set()): FieldSet {
  if (tree === null || typeof tree !== "object") return into;
  for (const [key, child] of Object.entries(tree as Record<string, unknown>)) {
    if (key === ".") continue;
    const path = [...prefix, key];
    const childKeys = child && typeof child === "object" ? Object.keys(child) : [];
    if (childKeys.length === 0 || childKeys.includes(".")) into.add(joinPath(path));
    fromFieldsV1(child, path, into);
  }
  return into;
}

/** Renders a path as conflict messages do: `.spec.position`. */
export function describePath(path: string): string {
  return splitPath(path)
    .map((segment) => {
      if (segment.startsWith("f:")) return `.${segment.slice(2)}`;
      if (segment.startsWith("v:")) return `[=${segment.slice(2)}]`;
      const key = JSON.parse(segment.slice(2)) as Record<string, unknown>;
      return `[${Object.entries(key)
        .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
        .join(",")}]`;
    })
    .join("");
}
