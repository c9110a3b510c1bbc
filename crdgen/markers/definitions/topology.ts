/**
 * Topology markers for server-side apply: `+listType`, `+listMapKey` (and their `+k8s:` twins),
 * `+mapType`, `+structType`,
 * with controller-gen's checks (listType first, so that listMapKey can see it).
 */
import type { MarkerDefinition } from "../registry.js";

const string = { kind: "string" } as const;

/** `+mapType` and `+structType`: both set x-kubernetes-map-type on an object. */
function atomicity(name: string, typeName: string, noun: string): MarkerDefinition {
  return {
    name,
    family: "topology",
    targets: ["field", "type"],
    args: [{ name: "", type: string }],
    help: `specifies the level of atomicity of the ${noun} (granular, atomic).`,
    applyToSchema: (schema, value) => {
      // controller-gen lets structType through on a field whose struct schema is still a reference
      if (schema.type !== "object" && !(name === "structType" && schema.type === undefined))
        return `must apply ${name} to an object`;
      if (!["granular", "atomic"].includes(value[""] as string))
        return `${typeName} must be either "granular" or "atomic"`;
      schema["x-kubernetes-map-type"] = value[""] as string;
      return undefined;
    },
  };
}

/** `+listType`, and its declarative-validation twin `+k8s:listType`. */
function listType(name: string): MarkerDefinition {
  return {
    name,
    family: "topology",
    targets: ["field", "type"],
    args: [{ name: "", type: string }],
    priority: -1,
    help: "specifies the type of data-structure that the list represents (map, set, atomic).",
    applyToSchema: (schema, value) => {
      if (schema.type !== "array") return `must apply listType to an array, found ${schema.type ?? ""}`;
      const listType = value[""] as string;
      if (!["map", "set", "atomic"].includes(listType)) return `ListType must be either "map", "set" or "atomic"`;
      schema["x-kubernetes-list-type"] = listType;
      return undefined;
    },
  };
}

/** `+listMapKey`, and `+k8s:listMapKey`; a key given by both is listed once, as controller-gen does. */
function listMapKey(name: string): MarkerDefinition {
  return {
    name,
    family: "topology",
    targets: ["field", "type"],
    args: [{ name: "", type: string }],
    help: "specifies the keys to map listTypes (repeat the marker for several keys).",
    applyToSchema: (schema, value) => {
      if (schema.type !== "array") return `must apply listMapKey to an array, found ${schema.type ?? ""}`;
      if (schema["x-kubernetes-list-type"] !== "map")
        return "must apply listMapKey to an associative-list (+listType=map)";
      const keys = schema["x-kubernetes-list-map-keys"] ?? [];
      const key = value[""] as string;
      if (!keys.includes(key)) schema["x-kubernetes-list-map-keys"] = [...keys, key];
      return undefined;
    },
  };
}

/** Every topology-family definition. */
export const topologyDefinitions: readonly MarkerDefinition[] = [
  listType("listType"),
  listType("k8s:listType"),
  listMapKey("listMapKey"),
  listMapKey("k8s:listMapKey"),
  atomicity("mapType", "MapType", "map"),
  atomicity("structType", "StructType", "struct"),
];
