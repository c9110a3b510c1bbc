/**
 * managedFields bookkeeping for non-apply writes (operation "Update") and the shared helpers that
 * server-side apply uses (`apply_patch.ts`).
 */
import type { KubeObject, ManagedFieldsEntry } from "../storage/types.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";
import { fieldSetOf, fromFieldsV1, isAssociative, schemaAt, toFieldsV1, valueAt, type FieldSet, type ListSchema } from "./field_set.js";
import { jsonEqual } from "./conversion.js";

/** Who is writing: the fieldManager parameter, or the user agent's product name. */
export interface ManagerIdentity {
  manager: string;
}

/** The manager name kube-apiserver derives from a User-Agent when fieldManager is unset. */
export function managerFromUserAgent(userAgent: string | undefined): string {
  const name = (userAgent ?? "").split("/")[0]?.trim() ?? "";
  return (name || "unknown").slice(0, 128);
}

const untrackedMetadata = new Set([
  "f:name",
  "f:namespace",
  "f:uid",
  "f:resourceVersion",
  "f:generation",
  "f:creationTimestamp",
  "f:deletionTimestamp",
  "f:deletionGracePeriodSeconds",
  "f:managedFields",
  "f:selfLink",
  "f:generateName",
]);

/** Built-in list fields that are not atomic (their patchStrategy=merge lists). */
const metadataLists: ListSchema = {
  properties: {
    metadata: {
      properties: {
        finalizers: { "x-kubernetes-list-type": "set" },
        ownerReferences: { "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["uid"] },
      },
    },
  },
};

/** The schema that decides how a kind's lists are tracked: its CRD schema, plus metadata's lists. */
export function trackingSchemaOf(type: ResourceType): ListSchema {
  const schema = (type.openApiSchema ?? {}) as ListSchema;
  return { ...schema, properties: { ...schema.properties, ...metadataLists.properties } };
}

/** The fields of `object` a write to `subresource` can own. */
export function ownedFieldsOf(type: ResourceType, object: KubeObject | undefined, subresource: string): FieldSet {
  const set: FieldSet = new Set();
  if (!object) return set;
  for (const path of fieldSetOf(object, trackingSchemaOf(type))) {
    const segments = path.split("\u0000");
    const top = segments[0];
    if (top === "f:apiVersion" || top === "f:kind") continue;
    if (top === "f:metadata") {
      if (segments.length === 1 || untrackedMetadata.has(segments[1] ?? "")) continue;
    }
    const isStatus = top === "f:status";
    if (type.statusSubresource && (subresource === "status") !== isStatus) continue;
    set.add(path);
  }
  return set;
}

function sameEntry(entry: ManagedFieldsEntry, manager: string, operation: string, subresource: string): boolean {
  return entry.manager === manager && entry.operation === operation && (entry.subresource ?? "") === subresource;
}

export function entriesOf(object: KubeObject): ManagedFieldsEntry[] {
  return Array.isArray(object.metadata.managedFields) ? object.metadata.managedFields : [];
}

/** Builds the managedFields list from field sets, dropping managers that own nothing. */
export function renderEntries(
  entries: readonly { entry: ManagedFieldsEntry; fields: FieldSet }[],
): ManagedFieldsEntry[] | undefined {
  const result = entries
    .filter(({ fields }) => fields.size > 0)
    .map(({ entry, fields }) => ({ ...entry, fieldsType: "FieldsV1" as const, fieldsV1: toFieldsV1(fields) }));
  return result.length ? result : undefined;
}

/**
 * Records an Update by `identity`: it takes every field it changed or added; fields it removed
 * leave every manager.
 */
export function recordUpdate(
  type: ResourceType,
  object: KubeObject,
  old: KubeObject | undefined,
  identity: ManagerIdentity,
  time: string,
  subresource = "",
): void {
  const before = ownedFieldsOf(type, old, subresource);
  const after = ownedFieldsOf(type, object, subresource);
  const changed: FieldSet = new Set();
  const tracking = trackingSchemaOf(type);
  for (const path of after) {
    // A map (or map/set list) that already existed is not taken over because one of its members changed.
    const value = valueAt(object, path);
    if (!before.has(path) || (!isAssociative(value, schemaAt(tracking, path)) && !jsonEqual(value, valueAt(old, path)))) {
      changed.add(path);
    }
  }
  const removed = [...before].filter((path) => !after.has(path));
  const sourceEntries = object.metadata.managedFields !== undefined ? entriesOf(object) : old ? entriesOf(old) : [];
  const working = sourceEntries.map((entry) => ({ entry, fields: fromFieldsV1(entry.fieldsV1) }));
  for (const { entry, fields } of working) {
    if (sameEntry(entry, identity.manager, "Update", subresource)) continue;
    for (const path of [...changed, ...removed]) fields.delete(path);
  }
  let own = working.find(({ entry }) => sameEntry(entry, identity.manager, "Update", subresource));
  if (!own && changed.size) {
    own = {
      entry: {
        manager: identity.manager,
        operation: "Update",
        apiVersion: apiVersionOf(type),
        time,
        fieldsType: "FieldsV1",
        fieldsV1: {},
        ...(subresource ? { subresource } : {}),
      },
      fields: new Set(),
    };
    working.push(own);
  }
  if (own) {
    for (const path of removed) own.fields.delete(path);
    if (changed.size) {
      for (const path of changed) own.fields.add(path);
      own.entry = { ...own.entry, time, apiVersion: apiVersionOf(type) };
    }
  }
  const rendered = renderEntries(working);
  if (rendered) object.metadata.managedFields = rendered;
  else delete object.metadata.managedFields;
}
