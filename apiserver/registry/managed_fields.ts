/**
 * managedFields bookkeeping as kube-apiserver's field manager keeps it: non-apply writes (operation
 * "Update") here, and the shared helpers that server-side apply uses (`apply_patch.ts`).
 *
 * An Update entry is identified by manager, operation, apiVersion and subresource; an Apply entry
 * by manager and subresource. Entries are listed Apply first, then by time (seconds), manager,
 * apiVersion and subresource.
 *
 * A write is compared at each entry's version, so an entry recorded through events.k8s.io/v1 loses
 * f:note when a core/v1 write changes message.
 */
import type { KubeObject, ManagedFieldsEntry } from "../storage/types.js";
import { OBJECT_META_SCHEMA } from "../validation/object_meta_schema.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";
import {
  compareObjects,
  fromFieldsV1,
  omitsListMapKey,
  joinPath,
  splitPath,
  toFieldsV1,
  type FieldSet,
  type ListSchema,
} from "./field_set.js";

/** Who is writing: the fieldManager parameter, or the user agent's product name. */
export interface ManagerIdentity {
  manager: string;
}

/** The manager name kube-apiserver derives from a User-Agent when fieldManager is unset. */
export function managerFromUserAgent(userAgent: string | undefined): string {
  const name = (userAgent ?? "").split("/")[0]?.trim() ?? "";
  return (name || "unknown").slice(0, 128);
}

/** Paths the field manager never records (its strip set); only these exact paths, not their children. */
const strippedPaths = new Set([
  "f:apiVersion",
  "f:kind",
  "f:metadata",
  ...[
    "name",
    "namespace",
    "creationTimestamp",
    "selfLink",
    "uid",
    "clusterName",
    "generation",
    "managedFields",
    "resourceVersion",
  ].map((field) => joinPath(["f:metadata", `f:${field}`])),
]);

const field = {};

const noSchema: ListSchema = {};
/** Tracking schemas by kind schema: every write of a kind needs the same one. */
const trackingSchemas = new WeakMap<ListSchema, ListSchema>();

/** The schema that decides how a kind's fields are tracked: its own schema, with TypeMeta and ObjectMeta. */
export function trackingSchemaOf(type: Pick<ResourceType, "fieldSchema" | "openApiSchema">): ListSchema {
  const schema = (type.fieldSchema ?? type.openApiSchema ?? noSchema) as ListSchema;
  let tracking = trackingSchemas.get(schema);
  if (!tracking) {
    tracking = {
      ...schema,
      properties: { ...schema.properties, apiVersion: field, kind: field, metadata: OBJECT_META_SCHEMA },
    };
    trackingSchemas.set(schema, tracking);
  }
  return tracking;
}

/** Whether a path is one a write to `subresource` may own: the status subresource owns status, the main resource the rest. */
function inSubresource(type: ResourceType, path: string, subresource: string): boolean {
  if (!type.statusSubresource) return true;
  return (subresource === "status") === (splitPath(path)[0] === "f:status");
}

/** The recordable part of a field set written through `subresource`. */
export function recordable(type: ResourceType, set: FieldSet, subresource: string): FieldSet {
  return new Set([...set].filter((path) => !strippedPaths.has(path) && inSubresource(type, path, subresource)));
}

export function entriesOf(object: KubeObject): ManagedFieldsEntry[] {
  return Array.isArray(object.metadata.managedFields) ? object.metadata.managedFields : [];
}

/** A managedFields entry with its parsed field set. */
export interface TrackedEntry {
  entry: ManagedFieldsEntry;
  fields: FieldSet;
}

export function trackedEntriesOf(object: KubeObject | undefined): TrackedEntry[] {
  return object ? entriesOf(object).map((entry) => ({ entry, fields: fromFieldsV1(entry.fieldsV1) })) : [];
}

/** Whether an entry belongs to the manager identified by these fields (Apply entries ignore apiVersion). */
export function isEntryOf(
  entry: ManagedFieldsEntry,
  identity: Pick<ManagedFieldsEntry, "manager" | "operation" | "apiVersion" | "subresource">,
): boolean {
  return (
    entry.manager === identity.manager &&
    entry.operation === identity.operation &&
    (entry.subresource ?? "") === (identity.subresource ?? "") &&
    (entry.operation === "Apply" || entry.apiVersion === identity.apiVersion)
  );
}

function seconds(entry: ManagedFieldsEntry): number {
  return entry.time ? Math.floor(Date.parse(entry.time) / 1000) : 0;
}

function compareEntries(a: ManagedFieldsEntry, b: ManagedFieldsEntry): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.operation, b.operation) ||
    seconds(a) - seconds(b) ||
    text(a.manager, b.manager) ||
    text(a.apiVersion, b.apiVersion) ||
    text(a.subresource ?? "", b.subresource ?? "")
  );
}

/** Builds the managedFields list from field sets, dropping managers that own nothing, in kube-apiserver's order. */
export function renderEntries(entries: readonly TrackedEntry[]): ManagedFieldsEntry[] | undefined {
  const result = entries
    .filter(({ fields }) => fields.size > 0)
    .map(({ entry, fields }) => ({ ...entry, fieldsType: "FieldsV1" as const, fieldsV1: toFieldsV1(fields) }))
    .sort(compareEntries);
  return result.length ? result : undefined;
}

/** An empty entry, its keys in kube-apiserver's order. */
export function newEntry(
  identity: { manager: string; operation: ManagedFieldsEntry["operation"]; apiVersion: string; subresource: string },
  time: string | undefined,
): ManagedFieldsEntry {
  return {
    manager: identity.manager,
    operation: identity.operation,
    apiVersion: identity.apiVersion,
    ...(time ? { time } : {}),
    fieldsType: "FieldsV1",
    fieldsV1: {},
    ...(identity.subresource ? { subresource: identity.subresource } : {}),
  };
}

function withoutManagedFields(object: KubeObject): KubeObject {
  const metadata = { ...object.metadata };
  delete metadata.managedFields;
  return { ...object, metadata };
}

/** What a write changed or added, and what it removed, in the recordable fields of one version. */
export interface WriteComparison {
  changed: FieldSet;
  removed: FieldSet;
}

/**
 * What a write changed, as the field manager sees it at each version an entry was recorded at
 * (the other version's field names where the kind declares one, as Events do); `old` is the
 * kind's empty object on create.
 */
export function compareWrite(
  type: ResourceType,
  old: KubeObject | undefined,
  object: KubeObject,
  subresource: string,
): (apiVersion: string) => WriteComparison {
  const byVersion = new Map<string, WriteComparison>();
  return (apiVersion) => {
    const other = apiVersion === apiVersionOf(type) ? undefined : type.otherVersions?.[apiVersion];
    const key = other ? apiVersion : "";
    let comparison = byVersion.get(key);
    if (!comparison) {
      const convert = (value: KubeObject) => withoutManagedFields(other ? other.convert(value) : value);
      const before = old ? convert(old) : (structuredClone(type.emptyObject ?? {}) as KubeObject);
      const schema = trackingSchemaOf(other ?? type);
      const { added, modified, removed } = compareObjects(before, convert(object), schema);
      comparison = {
        changed: recordable(type, new Set([...added, ...modified]), subresource),
        removed: recordable(type, removed, subresource),
      };
      byVersion.set(key, comparison);
    }
    return comparison;
  };
}

/**
 * Records an Update by `identity` through `subresource`: every manager loses the fields the write
 * changed, added or removed, and the writer's entry gains what it changed or added (with a new
 * time). `object` and `old` are in `type`'s version.
 */
export function recordUpdate(
  type: ResourceType,
  object: KubeObject,
  old: KubeObject | undefined,
  identity: ManagerIdentity,
  time: string,
  subresource = "",
): void {
  if (omitsListMapKey(object, trackingSchemaOf(type))) {
    // The field manager cannot track the object; UpdateNoErrors clears managedFields instead.
    delete object.metadata.managedFields;
    return;
  }
  const comparisonAt = compareWrite(type, old, object, subresource);
  const { changed, removed } = comparisonAt(apiVersionOf(type));
  const taken = [...changed].filter((path) => !removed.has(path));
  const sourceEntries = object.metadata.managedFields !== undefined ? entriesOf(object) : old ? entriesOf(old) : [];
  const working: TrackedEntry[] = sourceEntries.map((entry) => ({ entry, fields: fromFieldsV1(entry.fieldsV1) }));
  for (const { entry, fields } of working) {
    const seen = comparisonAt(entry.apiVersion);
    for (const path of [...seen.changed, ...seen.removed]) fields.delete(path);
  }
  if (taken.length) {
    const writer = {
      manager: identity.manager,
      operation: "Update" as const,
      apiVersion: apiVersionOf(type),
      subresource,
    };
    let own = working.find(({ entry }) => isEntryOf(entry, writer));
    if (!own) {
      own = { entry: newEntry(writer, time), fields: new Set() };
      working.push(own);
    }
    for (const path of taken) own.fields.add(path);
    own.entry = { ...own.entry, time };
  }
  const rendered = renderEntries(working);
  if (rendered) object.metadata.managedFields = rendered;
  else delete object.metadata.managedFields;
}
