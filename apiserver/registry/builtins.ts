/**
 * The built-in kinds this server serves: namespaces, configmaps, secrets, serviceaccounts, events
 * (core/v1 and events.k8s.io/v1) and coordination.k8s.io/v1 leases, each with its printer columns
 * and the validation its kube-apiserver strategy does.
 */
import { fieldErrors, type FieldError } from "../http/status.js";
import type { KubeObject } from "../storage/types.js";
import { coreEventColumns, eventsV1Columns } from "./event_columns.js";
import { ageColumn, column, nameColumn } from "./printing.js";
import { allVerbs, collectionOf, type ResourceStrategy, type ResourceType } from "./resource_type.js";

const configKeyPattern = /^[-._a-zA-Z0-9]+$/;
const configKeyMessage =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

function validateDataKeys(object: KubeObject, fields: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    const data = object[field];
    if (data === undefined || data === null) continue;
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (!configKeyPattern.test(key) || key.length > 253) errors.push(fieldErrors.invalid(`${field}[${key}]`, key, configKeyMessage));
      if (seen.has(key)) errors.push(fieldErrors.invalid(`${field}[${key}]`, key, "duplicate of key present in data"));
      seen.add(key);
      if (typeof value !== "string") errors.push(fieldErrors.invalid(`${field}[${key}]`, value, "must be a string"));
    }
  }
  return errors;
}

// Column descriptions are the API types' swagger docs, as kube-apiserver's printers use them.
const configMapDataDescription =
  "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.";
const secretTypeDescription =
  "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types";
const secretDataDescription =
  "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4";
const leaseHolderDescription =
  "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.";

function dataCount(object: KubeObject): number {
  return Object.keys((object.data as object | undefined) ?? {}).length + Object.keys((object.binaryData as object | undefined) ?? {}).length;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

const secretStrategy: ResourceStrategy = {
  normalize(object) {
    // stringData is write-only: merged into data (base64) and dropped, as the Secret strategy does.
    const stringData = object.stringData as Record<string, string> | undefined;
    if (stringData && typeof stringData === "object") {
      const data = (object.data as Record<string, string> | undefined) ?? {};
      for (const [key, value] of Object.entries(stringData)) data[key] = Buffer.from(String(value)).toString("base64");
      object.data = data;
    }
    delete object.stringData;
    object.type ??= "Opaque";
    return [];
  },
  validate(object, old) {
    const errors = validateDataKeys(object, ["data"]);
    for (const [key, value] of Object.entries((object.data as Record<string, unknown> | undefined) ?? {})) {
      if (typeof value === "string" && (!base64Pattern.test(value) || value.length % 4 !== 0)) {
        errors.push(fieldErrors.invalid(`data[${key}]`, "<secret contents redacted>", "must be base64-encoded"));
      }
    }
    if (old && old.type !== object.type) errors.push(fieldErrors.invalid("type", object.type, "field is immutable"));
    if (old?.immutable === true && JSON.stringify(old.data ?? {}) !== JSON.stringify(object.data ?? {})) {
      errors.push(fieldErrors.forbidden("data", "field is immutable when `immutable` is set"));
    }
    return errors;
  },
  columns: [
    nameColumn,
    column("Type", secretTypeDescription, (o) => o.type ?? ""),
    column("Data", secretDataDescription, (o) => Object.keys((o.data as object | undefined) ?? {}).length),
    ageColumn,
  ],
};

const configMapStrategy: ResourceStrategy = {
  validate(object, old) {
    const errors = validateDataKeys(object, ["data", "binaryData"]);
    if (old?.immutable === true) {
      if (JSON.stringify(old.data ?? {}) !== JSON.stringify(object.data ?? {})) {
        errors.push(fieldErrors.forbidden("data", "field is immutable when `immutable` is set"));
      }
      if (object.immutable !== true) errors.push(fieldErrors.forbidden("immutable", "field is immutable when `immutable` is set"));
    }
    return errors;
  },
  columns: [nameColumn, column("Data", configMapDataDescription, (o) => dataCount(o)), ageColumn],
};

const namespaceStrategy: ResourceStrategy = {
  normalize(object) {
    const spec = (object.spec as Record<string, unknown> | undefined) ?? {};
    spec.finalizers ??= ["kubernetes"];
    object.spec = spec;
    const status = (object.status as Record<string, unknown> | undefined) ?? {};
    status.phase ??= "Active";
    object.status = status;
    // The kubernetes.io/metadata.name label always mirrors the name (NamespaceDefaultLabelName).
    if (object.metadata.name) object.metadata.labels = { ...object.metadata.labels, "kubernetes.io/metadata.name": object.metadata.name };
    return [];
  },
  columns: [
    nameColumn,
    column("Status", "The status of the namespace", (o) => (o.status as { phase?: string } | undefined)?.phase ?? ""),
    ageColumn,
  ],
};

const serviceAccountStrategy: ResourceStrategy = {
  columns: [nameColumn, ageColumn],
};

const coreEventStrategy: ResourceStrategy = { columns: coreEventColumns };

const eventsV1Strategy: ResourceStrategy = { columns: eventsV1Columns };

const leaseStrategy: ResourceStrategy = {
  columns: [
    nameColumn,
    column("Holder", leaseHolderDescription, (o) => (o.spec as { holderIdentity?: string } | undefined)?.holderIdentity ?? ""),
    ageColumn,
  ],
};

/** events.k8s.io/v1 field names and their core/v1 counterparts (pkg/apis/events/v1 conversion). */
const eventFieldRenames: [string, string][] = [
  ["regarding", "involvedObject"],
  ["note", "message"],
  ["reportingController", "reportingComponent"],
  ["deprecatedSource", "source"],
  ["deprecatedFirstTimestamp", "firstTimestamp"],
  ["deprecatedLastTimestamp", "lastTimestamp"],
  ["deprecatedCount", "count"],
];

function renameFields(object: Record<string, unknown>, pairs: readonly [string, string][]): void {
  for (const [from, to] of pairs) {
    if (from in object) {
      object[to] = object[from];
      delete object[from];
    }
  }
}

const eventsConversion = {
  toStorage(object: KubeObject): void {
    renameFields(object, eventFieldRenames);
    object.apiVersion = "v1";
    object.kind = "Event";
  },
  fromStorage(object: KubeObject): KubeObject {
    const converted: KubeObject = { ...object, apiVersion: "events.k8s.io/v1", kind: "Event" };
    renameFields(converted, eventFieldRenames.map(([a, b]) => [b, a] as [string, string]));
    return converted;
  },
};

/** Fills the common fields of a built-in resource type. */
export function builtinType(
  fields: Pick<ResourceType, "group" | "version" | "resource" | "kind" | "namespaced"> &
    Partial<Pick<ResourceType, "shortNames" | "categories" | "statusSubresource" | "tracksGeneration" | "strategy" | "singular" | "verbs">>,
): ResourceType {
  return {
    singular: fields.kind.toLowerCase(),
    listKind: `${fields.kind}List`,
    shortNames: [],
    categories: [],
    verbs: [...allVerbs],
    statusSubresource: false,
    scale: undefined,
    strategicMerge: true,
    tracksGeneration: false,
    collection: collectionOf(fields.group, fields.resource),
    storageVersion: fields.version,
    strategy: {},
    ...fields,
  };
}

/** Every built-in resource type, in discovery order. */
export function builtinTypes(): ResourceType[] {
  return [
    builtinType({ group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true, shortNames: ["cm"], strategy: configMapStrategy }),
    builtinType({ group: "", version: "v1", resource: "events", kind: "Event", namespaced: true, shortNames: ["ev"], strategy: coreEventStrategy }),
    builtinType({
      group: "",
      version: "v1",
      resource: "namespaces",
      kind: "Namespace",
      // kube-apiserver's namespace storage has no deletecollection.
      verbs: allVerbs.filter((verb) => verb !== "deletecollection"),
      namespaced: false,
      shortNames: ["ns"],
      statusSubresource: true,
      strategy: namespaceStrategy,
    }),
    builtinType({ group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true, strategy: secretStrategy }),
    builtinType({ group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true, shortNames: ["sa"], strategy: serviceAccountStrategy }),
    builtinType({ group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", namespaced: true, strategy: leaseStrategy }),
    {
      ...builtinType({ group: "events.k8s.io", version: "v1", resource: "events", kind: "Event", namespaced: true, shortNames: ["ev"], strategy: eventsV1Strategy }),
      // One store for both Event APIs, as in kube-apiserver: what one records, the other lists.
      collection: "/events",
      conversion: eventsConversion,
    },
  ];
}

/** Namespaces that exist from the start, as kube-apiserver's system namespaces controller makes them. */
export const initialNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;
