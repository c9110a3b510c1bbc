/**
 * CRD markers: names, scope, versions, printer columns, subresources, selectable fields and CRD
 * metadata, plus the package markers (`+groupName`, `+versionName`) and the object markers
 * (`+kubebuilder:object:root`) that decide what is a kind.
 */
import type { MarkerDefinition } from "../registry.js";

const string = { kind: "string" } as const;
const strings = { kind: "list", item: string } as const;
const columnTypes = ["integer", "number", "string", "boolean", "date"];
const columnFormats = ["int32", "int64", "float", "double", "byte", "date", "date-time", "password"];

function keyValues(entries: readonly string[], what: string, into: Record<string, string>): string | undefined {
  for (const entry of entries) {
    const equals = entry.indexOf("=");
    if (equals <= 0) return `${what} must be written key=value, got ${JSON.stringify(entry)}`;
    into[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return undefined;
}

/** Every CRD-family definition. */
export const crdDefinitions: readonly MarkerDefinition[] = [
  {
    name: "kubebuilder:resource",
    family: "crd",
    targets: ["type"],
    args: [
      { name: "path", type: string, optional: true },
      { name: "shortName", type: strings, optional: true },
      { name: "categories", type: strings, optional: true },
      { name: "singular", type: string, optional: true },
      { name: "scope", type: string, optional: true },
    ],
    help: "configures naming and scope for a CRD.",
    applyToCrd: ({ names }, value) => {
      const scope = value["scope"] as string | undefined;
      if (scope !== undefined && scope !== "Namespaced" && scope !== "Cluster") {
        return `scope must be either "Namespaced" or "Cluster", got ${JSON.stringify(scope)}`;
      }
      if (scope) names.scope = scope;
      if (value["path"] !== undefined) names.plural = value["path"] as string;
      if (value["singular"] !== undefined) names.singular = value["singular"] as string;
      if (value["shortName"] !== undefined) names.shortNames = value["shortName"] as string[];
      if (value["categories"] !== undefined) names.categories = value["categories"] as string[];
      return undefined;
    },
  },
  {
    name: "kubebuilder:subresource:status",
    family: "crd",
    targets: ["type"],
    args: [],
    help: 'enables the "/status" subresource on a CRD.',
    applyToCrd: ({ version }) => void (version.subresources.status = {}),
  },
  {
    name: "kubebuilder:subresource:scale",
    family: "crd",
    targets: ["type"],
    args: [
      { name: "specpath", type: string },
      { name: "statuspath", type: string },
      { name: "selectorpath", type: string, optional: true },
    ],
    help: 'enables the "/scale" subresource on a CRD.',
    applyToCrd: ({ version }, value) => {
      const scale: NonNullable<typeof version.subresources.scale> = {
        specReplicasPath: value["specpath"] as string,
        statusReplicasPath: value["statuspath"] as string,
      };
      if (value["selectorpath"] !== undefined) scale.labelSelectorPath = value["selectorpath"] as string;
      version.subresources.scale = scale;
      return undefined;
    },
  },
  {
    name: "kubebuilder:printcolumn",
    family: "crd",
    targets: ["type"],
    args: [
      { name: "name", type: string },
      { name: "type", type: string },
      { name: "JSONPath", type: string },
      { name: "description", type: string, optional: true },
      { name: "format", type: string, optional: true },
      { name: "priority", type: { kind: "int" }, optional: true },
    ],
    help: 'adds a column to "kubectl get" output for this CRD.',
    applyToCrd: ({ version }, value) => {
      const type = value["type"] as string;
      if (!columnTypes.includes(type))
        return `printcolumn type must be one of ${columnTypes.join(", ")}; got ${JSON.stringify(type)}`;
      const format = value["format"] as string | undefined;
      if (format !== undefined && !columnFormats.includes(format)) {
        return `printcolumn format must be one of ${columnFormats.join(", ")}; got ${JSON.stringify(format)}`;
      }
      const column: (typeof version.printerColumns)[number] = {
        name: value["name"] as string,
        type,
        jsonPath: value["JSONPath"] as string,
      };
      if (value["description"]) column.description = value["description"] as string;
      if (format) column.format = format;
      if (value["priority"]) column.priority = value["priority"] as number;
      version.printerColumns.push(column);
      return undefined;
    },
  },
  {
    name: "kubebuilder:storageversion",
    family: "crd",
    targets: ["type"],
    args: [],
    help: 'marks this version as the "storage version" for the CRD for conversion.',
    applyToCrd: ({ version }) => void (version.storage = true),
  },
  {
    name: "kubebuilder:skipversion",
    family: "crd",
    targets: ["type"],
    args: [],
    help: "removes the particular version of the CRD from the CRDs spec.",
    applyToCrd: ({ version }) => void (version.skip = true),
  },
  {
    name: "kubebuilder:unservedversion",
    family: "crd",
    targets: ["type"],
    args: [],
    help: "does not serve this version.",
    applyToCrd: ({ version }) => void (version.served = false),
  },
  {
    name: "kubebuilder:deprecatedversion",
    family: "crd",
    targets: ["type"],
    args: [{ name: "warning", type: string, optional: true }],
    help: "marks this version as deprecated, with an optional warning returned to clients.",
    applyToCrd: ({ version }, value) => {
      version.deprecated = true;
      if (value["warning"] !== undefined) version.deprecationWarning = value["warning"] as string;
      return undefined;
    },
  },
  {
    name: "kubebuilder:selectablefield",
    family: "crd",
    targets: ["type"],
    args: [{ name: "JSONPath", type: string }],
    help: "adds a field that may be used with field selectors.",
    applyToCrd: ({ version }, value) => void version.selectableFields.push({ jsonPath: value["JSONPath"] as string }),
  },
  {
    name: "kubebuilder:metadata",
    family: "crd",
    targets: ["type"],
    args: [
      { name: "annotations", type: strings, optional: true },
      { name: "labels", type: strings, optional: true },
    ],
    help: "configures the additional annotations or labels for this CRD (key=value).",
    applyToCrd: ({ names }, value) =>
      keyValues((value["annotations"] as string[] | undefined) ?? [], "annotations", names.annotations) ??
      keyValues((value["labels"] as string[] | undefined) ?? [], "labels", names.labels),
  },
  {
    name: "kubebuilder:object:root",
    family: "object",
    targets: ["type"],
    args: [{ name: "", type: { kind: "bool" } }],
    help: "marks the interface as a kind (a root object with apiVersion, kind, metadata).",
  },
  {
    name: "kubebuilder:object:generate",
    family: "object",
    targets: ["type", "package"],
    args: [{ name: "", type: { kind: "bool" } }],
    help: "accepted for compatibility with Go sources; deep-copy generation does not apply to TypeScript.",
  },
  {
    name: "groupName",
    family: "package",
    targets: ["package"],
    args: [{ name: "", type: string }],
    help: "specifies the API group name for this package (in groupversion_info.ts).",
  },
  {
    name: "versionName",
    family: "package",
    targets: ["package"],
    args: [{ name: "", type: string }],
    help: "overrides the API group version for this package (defaults to the folder name).",
  },
  {
    name: "kubebuilder:skip",
    family: "package",
    targets: ["package"],
    args: [],
    help: "don't consider this package as an API version.",
  },
];
