/**
 * metav1.ObjectMeta's fields and list types, in one table: what the strict decoder knows (unknown
 * fields are every other name), what pruning keeps, and how managed fields track each field
 * (finalizers a set, owner references a map keyed by uid, labels and annotations string maps).
 */

/** The parts of a schema this table gives: declared fields, map values, items and list types. */
export interface MetaFieldSchema {
  properties?: Record<string, MetaFieldSchema>;
  additionalProperties?: MetaFieldSchema;
  items?: MetaFieldSchema;
  "x-kubernetes-list-type"?: "set" | "map" | "atomic";
  "x-kubernetes-list-map-keys"?: string[];
}

/** A field whose value is taken whole (a string, a number, a timestamp, free-form JSON). */
const scalar: MetaFieldSchema = {};

function struct(names: readonly string[]): MetaFieldSchema {
  return { properties: Object.fromEntries(names.map((name) => [name, scalar])) };
}

export const OBJECT_META_SCHEMA: MetaFieldSchema = {
  properties: {
    ...struct([
      "name",
      "generateName",
      "namespace",
      "selfLink",
      "uid",
      "resourceVersion",
      "generation",
      "creationTimestamp",
      "deletionTimestamp",
      "deletionGracePeriodSeconds",
    ]).properties,
    labels: { additionalProperties: scalar },
    annotations: { additionalProperties: scalar },
    ownerReferences: {
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["uid"],
      items: struct(["apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"]),
    },
    finalizers: { "x-kubernetes-list-type": "set" },
    managedFields: {
      "x-kubernetes-list-type": "atomic",
      items: struct(["manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource"]),
    },
  },
};

/** ObjectMeta's field names. */
export const OBJECT_META_FIELDS: ReadonlySet<string> = new Set(Object.keys(OBJECT_META_SCHEMA.properties ?? {}));
