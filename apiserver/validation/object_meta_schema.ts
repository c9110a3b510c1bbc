/**
 * metav1.ObjectMeta as the server's schemas see it, derived from the one Go struct the decoder
 * uses (serializer/builtin_go_types.ts) plus the list types its Go markers declare: what the strict
 * decoder knows (unknown fields are every other name), what pruning keeps, and how managed fields
 * track each field (finalizers a set, owner references a map keyed by uid, labels and annotations
 * string maps).
 */
import { OBJECT_META_GO_TYPE } from "../serializer/builtin_go_types.js";
import type { GoType } from "../serializer/go_unmarshal.js";

/** The parts of a schema this table gives: declared fields, map values, items and list types. */
export interface MetaFieldSchema {
  properties?: Record<string, MetaFieldSchema>;
  additionalProperties?: MetaFieldSchema;
  items?: MetaFieldSchema;
  "x-kubernetes-list-type"?: "set" | "map" | "atomic";
  "x-kubernetes-list-map-keys"?: string[];
}

/** ObjectMeta's list fields and their `+listType`/`+listMapKey` markers in k8s.io/apimachinery. */
const LIST_TYPES: Record<string, Pick<MetaFieldSchema, "x-kubernetes-list-type" | "x-kubernetes-list-map-keys">> = {
  finalizers: { "x-kubernetes-list-type": "set" },
  ownerReferences: { "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["uid"] },
  managedFields: { "x-kubernetes-list-type": "atomic" },
};

/** A Go type's layout: structs' fields, slices' items and maps' values; anything else is taken whole. */
function schemaOf(type: GoType): MetaFieldSchema {
  switch (type.kind) {
    case "struct":
      return {
        properties: Object.fromEntries(Object.entries(type.fields).map(([name, field]) => [name, schemaOf(field)])),
      };
    case "slice":
      return { items: schemaOf(type.items) };
    case "map":
      return { additionalProperties: schemaOf(type.values) };
    default:
      return {};
  }
}

export const OBJECT_META_SCHEMA: MetaFieldSchema = {
  properties: Object.fromEntries(
    Object.entries(schemaOf(OBJECT_META_GO_TYPE).properties ?? {}).map(([name, schema]) => [
      name,
      { ...schema, ...LIST_TYPES[name] },
    ]),
  ),
};

/** ObjectMeta's field names. */
export const OBJECT_META_FIELDS: ReadonlySet<string> = new Set(Object.keys(OBJECT_META_SCHEMA.properties ?? {}));
