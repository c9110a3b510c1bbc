/**
 * Topology markers for server-side apply: `+listType`, `+listMapKey`, `+mapType`, `+structType`,
 * with controller-gen's checks (listType first, so that listMapKey can see it).
 */
import type { MarkerDefinition } from "../registry.js";

const string = { kind: "string" } as const;

/** Every topology-family definition. */
export const topologyDefinitions: readonly MarkerDefinition[] = [
  {
    name: "listType", family: "topology", targets: ["field", "type"], args: [{ name: "", type: string }], priority: -1,
    help: "specifies the type of data-structure that the list represents (map, set, atomic).",
    applyToSchema: (schema, value) => {
      if (schema.type !== "array") return `must apply listType to an array, found ${schema.type ?? ""}`;
      const listType = value[""] as string;
      if (!["map", "set", "atomic"].includes(listType)) return `ListType must be either "map", "set" or "atomic"`;
      schema["x-kubernetes-list-type"] = listType;
      return undefined;
    },
  },
  {
    name: "listMapKey", family: "topology", targets: ["field", "type"], args: [{ name: "", type: string }],
    help: "specifies the keys to map listTypes (repeat the marker for several keys).",
    applyToSchema: (schema, value) => {
      if (schema.type !== "array") return `must apply listMapKey to an array, found ${schema.type ?? ""}`;
      if (schema["x-kubernetes-list-type"] !== "map") return "must apply listMapKey to an associative-list (+listType=map)";
      schema["x-kubernetes-list-map-keys"] = [...(schema["x-kubernetes-list-map-keys"] ?? []), value[""] as string];
      return undefined;
    },
  },
  {
    name: "mapType", family: "topology", targets: ["field", "type"], args: [{ name: "", type: string }],
    help: "specifies the level of atomicity of the map (granular, atomic).",
    applyToSchema: (schema, value) => {
      if (schema.type !== "object") return "must apply mapType to an object";
      if (!["granular", "atomic"].includes(value[""] as string)) return `MapType must be either "granular" or "atomic"`;
      schema["x-kubernetes-map-type"] = value[""] as string;
      return undefined;
    },
  },
  {
    name: "structType", family: "topology", targets: ["field", "type"], args: [{ name: "", type: string }],
    help: "specifies the level of atomicity of the struct (granular, atomic).",
    applyToSchema: (schema, value) => {
      if (schema.type !== "object") return "must apply structType to an object";
      if (!["granular", "atomic"].includes(value[""] as string)) return `StructType must be either "granular" or "atomic"`;
      schema["x-kubernetes-map-type"] = value[""] as string;
      return undefined;
    },
  },
];
