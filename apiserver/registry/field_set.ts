/**
 * Field sets as server-side apply tracks them: the set of field paths a manager owns, read from
 * and written to the `fieldsV1` form of managedFields (`{"f:spec":{".":{},"f:position":{}}}`).
 *
 * A path is its segments joined by NUL. Lists are atomic (one leaf), which is what CRD schemas
 * without `x-kubernetes-list-type: map|set` and most built-in fields here mean.
 */

const separator = "\u0000";

export type FieldSet = Set<string>;

export function joinPath(segments: readonly string[]): string {
  return segments.join(separator);
}

export function splitPath(path: string): string[] {
  return path.split(separator);
}

/** Every node of `value` below the root: maps contribute themselves and their fields; others are leaves. */
export function fieldSetOf(value: unknown, prefix: readonly string[] = [], into: FieldSet = new Set()): FieldSet {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return into;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    const path = [...prefix, `f:${key}`];
    into.add(joinPath(path));
    fieldSetOf(child, path, into);
  }
  return into;
}

/** Reads the value at a field path (`f:` segments). */
export function valueAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const segment of splitPath(path)) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment.slice(2)];
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
    .map((segment) => `.${segment.slice(2)}`)
    .join("");
}
