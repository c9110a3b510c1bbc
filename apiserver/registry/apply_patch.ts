/**
 * Server-side apply (`application/apply-patch+yaml`): the applied configuration is merged into the
 * live object, fields the manager applied before and dropped now are removed (unless someone else
 * owns them), and changing a field another manager owns is a 409 conflict unless `force=true`.
 *
 * The applier's entry holds the fields its configuration sets (structured-merge-diff's ToFieldSet);
 * conflicts and ownership changes come from comparing the live object with the result.
 *
 * Caveat: the fields the applier dropped since its last apply are pruned by path in the
 * applier's current version (right for custom resources, whose versions share field names).
 */
import type { StatusCause } from "../../apimachinery/index.js";
import { StatusError, badRequest } from "../errors/status.js";
import type { KubeObject, ManagedFieldsEntry } from "../storage/types.js";
import { deepClone } from "./conversion.js";
import {
  appliedFieldSet,
  childSchema,
  describePath,
  findItem,
  itemKey,
  joinPath,
  splitPath,
  valueAt,
  type FieldSet,
  type ListSchema,
} from "./field_set.js";
import {
  compareWrite,
  isEntryOf,
  newEntry,
  recordable,
  renderEntries,
  trackedEntriesOf,
  trackingSchemaOf,
  type TrackedEntry,
} from "./managed_fields.js";
import { timestamp, type ObjectService, type WriteOptions, type WriteResult } from "./object_service.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";

export interface ApplyOptions extends WriteOptions {
  subresource: string;
  force: boolean;
}

/** How a conflict names a manager: quoted, then its subresource, then (for an Update) its version. */
export function managerLabel(entry: ManagedFieldsEntry): string {
  const named = entry.subresource
    ? `${JSON.stringify(entry.manager)} with subresource ${JSON.stringify(entry.subresource)}`
    : JSON.stringify(entry.manager);
  return entry.operation === "Update" ? `${named} using ${entry.apiVersion}` : named;
}

function conflictError(conflicts: { entry: ManagedFieldsEntry; path: string }[]): StatusError {
  const causes: StatusCause[] = conflicts.map(({ entry, path }) => ({
    reason: "FieldManagerConflict",
    message: `conflict with ${managerLabel(entry)}`,
    field: describePath(path),
  }));
  let message: string;
  const first = conflicts[0];
  if (conflicts.length === 1 && first) {
    message = `Apply failed with 1 conflict: conflict with ${managerLabel(first.entry)}: ${describePath(first.path)}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const { entry, path } of conflicts) {
      const label = managerLabel(entry);
      byManager.set(label, [...(byManager.get(label) ?? []), describePath(path)]);
    }
    const lines: string[] = [];
    for (const label of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${label}:`);
      for (const path of byManager.get(label) ?? []) lines.push(`- ${path}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`;
  }
  return new StatusError(409, "Conflict", message, { causes });
}

function removePath(object: Record<string, unknown>, path: string): void {
  const segments = splitPath(path);
  const parent = segments.length > 1 ? valueAt(object, joinPath(segments.slice(0, -1))) : object;
  const last = segments[segments.length - 1] ?? "";
  if (Array.isArray(parent)) {
    const index = findItem(parent, last);
    if (index >= 0) parent.splice(index, 1);
  } else if (parent && typeof parent === "object") {
    Reflect.deleteProperty(parent, last.slice(2));
  }
}

/** The schema of the value at `segments` (field names, then items for `k:`/`v:` segments). */
function schemaAt(
  schema: ListSchema | undefined,
  segments: readonly string[],
): (ListSchema & { nullable?: boolean }) | undefined {
  let current = schema;
  for (const segment of segments)
    current = segment.startsWith("f:") ? childSchema(current, segment.slice(2)) : current?.items;
  return current;
}

/**
 * Removes `paths` from `object`. As structured-merge-diff's removal walk does, a map or list it
 * leaves empty becomes null in its parent map; decoding then drops that null unless the schema
 * makes the field nullable, so here it is removed, or set to null when nullable.
 */
export function removePaths(
  object: Record<string, unknown>,
  paths: readonly string[],
  schema: ListSchema | undefined,
): void {
  for (const path of paths) removePath(object, path);
  for (const path of paths) {
    const segments = splitPath(path);
    for (let depth = segments.length - 1; depth >= 1; depth--) {
      const container = valueAt(object, joinPath(segments.slice(0, depth)));
      const emptied = Array.isArray(container)
        ? container.length === 0
        : isPlainObject(container) && Object.keys(container).length === 0;
      const key = segments[depth - 1] ?? "";
      const parent = depth > 1 ? valueAt(object, joinPath(segments.slice(0, depth - 1))) : object;
      if (!emptied || !key.startsWith("f:") || !isPlainObject(parent)) continue;
      if (schemaAt(schema, segments.slice(0, depth))?.nullable) parent[key.slice(2)] = null;
      else Reflect.deleteProperty(parent, key.slice(2));
    }
  }
}

/** Maps merge recursively, map lists by key and sets by value; other values from the applied configuration replace. */
export function mergeApplied(live: unknown, applied: unknown, schema: ListSchema | undefined): unknown {
  if (Array.isArray(live) && Array.isArray(applied)) {
    const keys =
      schema?.["x-kubernetes-list-type"] === "map" ? (schema["x-kubernetes-list-map-keys"] ?? []) : undefined;
    if (keys) {
      const result = [...live];
      for (const item of applied) {
        const index = findItem(result, itemKey(item, keys));
        if (index >= 0) result[index] = mergeApplied(result[index], item, schema?.items);
        else result.push(deepClone(item));
      }
      return result;
    }
    if (schema?.["x-kubernetes-list-type"] === "set") {
      const result = [...live];
      for (const item of applied)
        if (!result.some((existing) => JSON.stringify(existing) === JSON.stringify(item))) result.push(item);
      return result;
    }
  }
  // An atomic map is replaced whole, as any other atomic value.
  if (!isPlainObject(applied) || !isPlainObject(live) || schema?.["x-kubernetes-map-type"] === "atomic")
    return deepClone(applied);
  const result: Record<string, unknown> = { ...live };
  for (const [key, value] of Object.entries(applied))
    result[key] = mergeApplied(result[key], value, childSchema(schema, key));
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export async function applyPatch(
  service: ObjectService,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  patch: unknown,
  options: ApplyOptions,
): Promise<WriteResult> {
  if (!isPlainObject(patch)) throw badRequest("error decoding YAML: the applied configuration must be an object");
  const applied = deepClone(patch) as KubeObject;
  if (!applied.apiVersion || !applied.kind) {
    throw badRequest(`invalid object type: ${applied.apiVersion ?? ""}, Kind=${applied.kind ?? ""}`);
  }
  if (applied.apiVersion !== apiVersionOf(type) || applied.kind !== type.kind) {
    throw badRequest(
      `the API version in the data (${applied.apiVersion}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
  applied.metadata = isPlainObject(applied.metadata) ? applied.metadata : {};
  if (applied.metadata.name && applied.metadata.name !== name) {
    throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
  }
  applied.metadata.name = name;
  if (type.namespaced && namespace) applied.metadata.namespace = namespace;
  const subresource = options.subresource;
  const tracking = trackingSchemaOf(type);
  const appliedFields = recordable(type, appliedFieldSet(applied, tracking), subresource);
  const identity = {
    manager: options.manager.manager,
    operation: "Apply" as const,
    apiVersion: apiVersionOf(type),
    subresource,
  };
  const applyEntry = (fields: FieldSet, time: string | undefined): TrackedEntry => ({
    entry: newEntry(identity, time),
    fields,
  });

  let current: KubeObject | undefined;
  try {
    const read = service.get(type, namespace, name);
    current = read instanceof Promise ? await read : read;
  } catch (error) {
    if (!(error instanceof StatusError && error.code === 404)) throw error;
  }
  const now = timestamp(service.now());
  if (!current) {
    if (subresource) throw badRequest(`${type.resource} "${name}" not found`);
    const object = deepClone(applied);
    object.metadata.managedFields = renderEntries([applyEntry(appliedFields, now)]);
    return service.create(type, namespace, object, { ...options, managedFieldsPrepared: true });
  }

  const entries = trackedEntriesOf(current);
  const isOwn = (entry: ManagedFieldsEntry): boolean => isEntryOf(entry, identity);
  const previous = entries.find(({ entry }) => isOwn(entry));
  // Start from the live object, drop what this manager no longer applies (and nobody else owns), merge the rest in.
  let object = deepClone(current);
  const dropped = [...(previous?.fields ?? [])].filter(
    (path) => !appliedFields.has(path) && !entries.some(({ entry, fields }) => !isOwn(entry) && fields.has(path)),
  );
  removePaths(object, dropped, tracking);
  const appliedBody: Record<string, unknown> = { ...applied };
  delete appliedBody.apiVersion;
  delete appliedBody.kind;
  object = mergeApplied(object, appliedBody, tracking) as KubeObject;
  object.metadata.resourceVersion = current.metadata.resourceVersion;

  // What the apply changes, added or removed leaves every other manager; changing what another owns is a conflict.
  const comparisonAt = compareWrite(type, current, object, subresource);
  const next = entries.filter(({ entry }) => !isOwn(entry));
  const conflicts = next.flatMap(({ entry, fields }) => {
    const { changed } = comparisonAt(entry.apiVersion);
    return [...fields].filter((path) => changed.has(path)).map((path) => ({ entry, path }));
  });
  if (conflicts.length && !options.force) throw conflictError(conflicts);
  for (const { entry, fields } of next) {
    const { changed, removed } = comparisonAt(entry.apiVersion);
    for (const path of [...changed, ...removed]) fields.delete(path);
  }
  // An apply that changes nothing keeps its entry's time: none yet for a manager new to the object.
  const own = comparisonAt(apiVersionOf(type));
  next.push(applyEntry(appliedFields, own.changed.size || own.removed.size ? now : previous?.entry.time));
  object.metadata.managedFields = renderEntries(next) ?? [];
  return service.update(type, namespace, name, object, { ...options, subresource, managedFieldsPrepared: true });
}
