/**
 * The Go structs kube-apiserver decodes the built-in kinds' bodies into, as far as their JSON
 * types matter to the decoder (what a field must hold, and the type names its errors print), read
 * from the generated catalog of k8s.io/api's types. Pointers decode as the type they point to,
 * which is also the name Go prints.
 */
import { goTypeModel, goTypeOfKind, jsonFields, parseTypeExpression } from "../catalog/catalog.js";
import type { GoStruct, GoType } from "./go_unmarshal.js";
import { rfc3339, rfc3339Micro } from "./go_time.js";

const basicGoTypes: Readonly<Record<string, GoType>> = {
  string: { kind: "string" },
  bool: { kind: "bool" },
  int32: { kind: "int32" },
  int64: { kind: "int64" },
  int: { kind: "int64", name: "int" },
  uint64: { kind: "int64", name: "uint64" },
  uint32: { kind: "int32", name: "uint32" },
  byte: { kind: "uint8" },
  float64: { kind: "float64" },
  float32: { kind: "float64", name: "float32" },
  "types.UID": { kind: "string", name: "types.UID" },
  "types.NodeName": { kind: "string", name: "types.NodeName" },
  "v1.Time": { kind: "time", name: "v1.Time", layout: rfc3339 },
  "v1.MicroTime": { kind: "time", name: "v1.MicroTime", layout: rfc3339Micro },
  "resource.Quantity": { kind: "quantity" },
  "intstr.IntOrString": { kind: "intOrString" },
};

const decoderTypes = new Map<string, GoType>();

/** The decoder's view of a catalog type expression; what it cannot check (RawExtension, FieldsV1) is raw. */
export function decoderType(type: string): GoType {
  const cached = decoderTypes.get(type);
  if (cached) return cached;
  const expression = parseTypeExpression(type);
  if (expression.form === "pointer") return decoderType(expression.element);
  if (expression.form === "slice") {
    if (expression.element === "byte") return { kind: "bytes" };
    return remember(type, { kind: "slice", items: decoderType(expression.element) });
  }
  if (expression.form === "map") return remember(type, { kind: "map", values: decoderType(expression.element) });
  const basic = basicGoTypes[type];
  if (basic) return basic;
  const model = goTypeModel(type);
  if (!model) return { kind: "raw" };
  if (model.underlying !== undefined) {
    const underlying = decoderType(model.underlying);
    const named = underlying.kind === "string" || underlying.kind === "int32" || underlying.kind === "int64";
    return remember(type, named ? { ...underlying, name: model.name } : underlying);
  }
  const fields: Record<string, GoType> = {};
  const struct: GoStruct = { kind: "struct", name: model.name, fields };
  decoderTypes.set(type, struct);
  for (const field of jsonFields(model)) fields[field.json] = decoderType(field.type);
  return struct;
}

function remember(key: string, type: GoType): GoType {
  decoderTypes.set(key, type);
  return type;
}

/** The Go struct of a built-in kind at `apiVersion`, or undefined when the catalog has no such kind. */
export function builtinGoStruct(apiVersion: string, kind: string): GoStruct | undefined {
  const key = goTypeOfKind(apiVersion, kind);
  return key === undefined ? undefined : (decoderType(key) as GoStruct);
}

/** metav1.ObjectMeta: also the one list of its fields the server's schemas derive from (validation/object_meta_schema.ts). */
export const OBJECT_META_GO_TYPE = decoderType("meta/v1.ObjectMeta") as GoStruct;

/** metav1.DeleteOptions, which a delete's body decodes into. */
export const deleteOptionsGoType = decoderType("meta/v1.DeleteOptions") as GoStruct;

/** The meta.k8s.io/v1 kinds a response may be, besides the served kinds and their lists. */
const metaResponseKinds = new Set(["Status", "PartialObjectMetadata", "PartialObjectMetadataList"]);

/**
 * The catalog key of the Go struct a protobuf response of `kind` encodes: a served kind, its List
 * (`apps/v1.DeploymentList`), or a meta/v1 Status or PartialObjectMetadata(List).
 */
export function responseGoType(apiVersion: string, kind: string): string | undefined {
  const served = goTypeOfKind(apiVersion, kind);
  if (served) return served;
  if (metaResponseKinds.has(kind)) return `meta/v1.${kind}`;
  const itemType = kind.endsWith("List") ? goTypeOfKind(apiVersion, kind.slice(0, -4)) : undefined;
  return itemType && goTypeModel(`${itemType}List`) ? `${itemType}List` : undefined;
}
