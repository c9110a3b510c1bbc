/**
 * Unknown fields of built-in kinds. kube-apiserver decodes a built-in body into its Go struct,
 * which drops every field the struct lacks; its strict decoder (sigs.k8s.io/json) names each
 * one, in body order, as `unknown field "<path>"` (`spec.foo`, `secrets[0].foo`,
 * `metadata.ownerReferences[0].foo`), which fieldValidation turns into a warning (Warn), a 400
 * (Strict) or nothing (Ignore). The struct layouts come from each kind's tracking schema
 * (`fieldSchema`) plus ObjectMeta's, with every leaf taken as a value the struct accepts whole.
 */
import { prune, type JsonSchema } from "../validation/structural_schema.js";
import { OBJECT_META_SCHEMA } from "../validation/object_meta_schema.js";
import type { ResourceStrategy, ResourceType } from "./resource_type.js";

/** A field whose value is not walked further (a scalar, a list of scalars, a free-form map value). */
const leaf: JsonSchema = { "x-kubernetes-preserve-unknown-fields": true };

const layouts = new WeakMap<Record<string, unknown>, JsonSchema>();

/**
 * The decoding layout of a tracking schema: its structure, with schema-less fields as leaves.
 * Recursive Go types share their schema objects, and their layouts too.
 */
function layoutOf(schema: Record<string, unknown>): JsonSchema {
  const known = layouts.get(schema);
  if (known) return known;
  const { properties, items, additionalProperties } = schema as {
    properties?: Record<string, Record<string, unknown>>;
    items?: Record<string, unknown>;
    additionalProperties?: Record<string, unknown>;
  };
  if (!properties && !items && !additionalProperties) return leaf;
  const layout: JsonSchema = {};
  layouts.set(schema, layout);
  if (properties)
    layout.properties = Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, layoutOf(field)]));
  if (items) layout.items = layoutOf(items);
  if (additionalProperties) layout.additionalProperties = layoutOf(additionalProperties);
  return layout;
}

const objectMetaLayout = layoutOf(OBJECT_META_SCHEMA as Record<string, unknown>);

/** The whole object's layout for a kind: type meta, ObjectMeta and the kind's own fields. */
export function decodingLayout(fieldSchema: Record<string, unknown>): JsonSchema {
  const own = layoutOf(fieldSchema);
  return { properties: { apiVersion: leaf, kind: leaf, metadata: objectMetaLayout, ...own.properties } };
}

/**
 * `type`'s strategy with unknown fields dropped on every write before its own normalization,
 * each reported as the strict decoder words it; the layout is built on the first write.
 */
export function droppingUnknownFields(type: ResourceType): ResourceStrategy {
  const own = type.strategy;
  let layout: JsonSchema | undefined;
  return {
    ...own,
    normalize(object, options) {
      layout ??= type.fieldSchema ? decodingLayout(type.fieldSchema) : undefined;
      const unknown =
        options.pruneUnknown && layout ? prune(layout, object, "").map((path) => `unknown field "${path}"`) : [];
      return [...unknown, ...(own.normalize?.(object, options) ?? [])];
    },
  };
}
