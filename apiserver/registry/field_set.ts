/**
 * Field sets as server-side apply tracks them: the set of field paths a manager owns, read from
 * and written to the `fieldsV1` form of managedFields (`{"f:spec":{".":{},"f:position":{}}}`).
 *
 * A path is its segments joined by NUL: `f:<field>`, `k:{"<key>":<value>}` for an item of a list
 * of `x-kubernetes-list-type: map`, `v:<value>` for an item of a `set`. Other lists are atomic
 * (one leaf).
 */

/** The parts of a schema that decide how lists are tracked. */
export interface ListSchema {
  properties?: Record<string, ListSchema>;
  additionalProperties?: ListSchema | boolean;
  items?: ListSchema;
  "x-kubernetes-list-type"?: string;
  "x-kubernetes-list-map-keys"?: string[];
}

export function childSchema(schema: ListSchema | undefined, key: string): ListSchema | undefined {
  return schema?.properties?.[key] ?? (typeof schema?.additionalProperties === "object" ? schema.additionalProperties : undefined);
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

/**
 * Every node of `value` below the root: maps contribute themselves and their fields, map and set
 * lists their items; anything else is a leaf.
 */
export function fieldSetOf(value: unknown, schema?: ListSchema, prefix: readonly string[] = [], into: FieldSet = new Set()): FieldSet {
  if (value === null || typeof value !== "object") return into;
  if (Array.isArray(value)) {
    const keys = mapKeys(schema);
    for (const item of value) {
      if (keys) {
        const path = [...prefix, itemKey(item, keys)];
        into.add(joinPath(path));
        fieldSetOf(item, schema?.items, path, into);
      } else if (schema?.["x-kubernetes-list-type"] === "set") {
        into.add(joinPath([...prefix, `v:${JSON.stringify(item)}`]));
      }
    }
    return into;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    const path = [...prefix, `f:${key}`];
    into.add(joinPath(path));
    fieldSetOf(child, childSchema(schema, key), path, into);
  }
  return into;
}

/** The schema of the node a path names. */
export function schemaAt(schema: ListSchema | undefined, path: string): ListSchema | undefined {
  let current = schema;
  for (const segment of splitPath(path)) current = segment.startsWith("f:") ? childSchema(current, segment.slice(2)) : current?.items;
  return current;
}

/**
 * Whether the node merges rather than replaces (a map, or a map/set list): such a node never
 * conflicts or changes hands because of its value, only its members do.
 */
export function isAssociative(value: unknown, schema: ListSchema | undefined): boolean {
  if (Array.isArray(value)) return schema?.["x-kubernetes-list-type"] === "map" || schema?.["x-kubernetes-list-type"] === "set";
  return value !== null && typeof value === "object";
}

/** Finds the item of a list that a `k:` or `v:` segment names; its index, or -1. */
export function findItem(list: readonly unknown[], segment: string): number {
  if (segment.startsWith("v:")) {
    const wanted = segment.slice(2);
    return list.findIndex((item) => JSON.stringify(item) === wanted);
  }
  const key = JSON.parse(segment.slice(2)) as Record<string, unknown>;
  return list.findIndex((item) => Object.entries(key).every(([name, value]) => JSON.stringify((item as Record<string, unknown>)?.[name]) === JSON.stringify(value)));
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
      return `[${Object.entries(key).map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(",")}]`;
    })
    .join("");
}
