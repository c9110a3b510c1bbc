/**
 * The built-in kinds this server serves: namespaces, configmaps, secrets, serviceaccounts, events
 * (core/v1 and events.k8s.io/v1) and coordination.k8s.io/v1 leases, each with its printer columns
 * and the validation its kube-apiserver strategy does.
 */
import { fieldErrors, type FieldError } from "../errors/status.js";
import type { FieldGetter } from "../storage/selectors.js";
import type { KubeObject } from "../storage/types.js";
import { coreEventColumns, eventsV1Columns } from "./event_columns.js";
import { droppingUnknownFields } from "./builtin_fields.js";
import { fillEmptyFields } from "./conversion.js";
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
      if (!configKeyPattern.test(key) || key.length > 253)
        errors.push(fieldErrors.invalid(`${field}[${key}]`, key, configKeyMessage));
      if (seen.has(key)) errors.push(fieldErrors.invalid(`${field}[${key}]`, key, "duplicate of key present in data"));
      seen.add(key);
      if (typeof value !== "string") errors.push(fieldErrors.invalid(`${field}[${key}]`, value, "must be a string"));
    }
  }
  return errors;
}

/** core.MaxSecretSize: the most bytes a Secret's or a ConfigMap's data may hold in all. */
const maxDataBytes = 1024 * 1024;

/** The bytes `fields` hold: string values as UTF-8, base64 fields (`binaryData`, a Secret's `data`) decoded. */
function dataBytes(object: KubeObject, fields: { field: string; base64: boolean }[]): number {
  let total = 0;
  for (const { field, base64 } of fields) {
    const data = object[field];
    if (data === null || typeof data !== "object") continue;
    for (const value of Object.values(data as Record<string, unknown>)) {
      if (typeof value === "string") total += base64 ? Buffer.from(value, "base64").length : Buffer.byteLength(value);
    }
  }
  return total;
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
  return (
    Object.keys((object.data as object | undefined) ?? {}).length +
    Object.keys((object.binaryData as object | undefined) ?? {}).length
  );
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

const secretStrategy: ResourceStrategy = {
  fieldSelectors: { type: (o) => o.type as string | undefined },
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
    if (dataBytes(object, [{ field: "data", base64: true }]) > maxDataBytes)
      errors.push(fieldErrors.tooLong("data", maxDataBytes));
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
    const sizes = [
      { field: "data", base64: false },
      { field: "binaryData", base64: true },
    ];
    // ValidateConfigMap names the whole object (an empty path) for its total size.
    if (dataBytes(object, sizes) > maxDataBytes) errors.push(fieldErrors.tooLong("", maxDataBytes));
    if (old?.immutable === true) {
      if (JSON.stringify(old.data ?? {}) !== JSON.stringify(object.data ?? {})) {
        errors.push(fieldErrors.forbidden("data", "field is immutable when `immutable` is set"));
      }
      if (object.immutable !== true)
        errors.push(fieldErrors.forbidden("immutable", "field is immutable when `immutable` is set"));
    }
    return errors;
  },
  columns: [nameColumn, column("Data", configMapDataDescription, (o) => dataCount(o)), ageColumn],
};

const namespaceStrategy: ResourceStrategy = {
  fieldSelectors: { "status.phase": (o) => (o.status as { phase?: string } | undefined)?.phase },
  normalize(object) {
    // The kubernetes.io/metadata.name label always mirrors the name (a default, so the writer owns it).
    if (object.metadata.name)
      object.metadata.labels = { ...object.metadata.labels, "kubernetes.io/metadata.name": object.metadata.name };
    return [];
  },
  prepareForCreate(object) {
    const spec = (object.spec as { finalizers?: string[] } | undefined) ?? {};
    if (!spec.finalizers?.includes("kubernetes")) spec.finalizers = [...(spec.finalizers ?? []), "kubernetes"];
    object.spec = spec;
    object.status = { phase: "Active" };
  },
  prepareForUpdate(object, old, subresource) {
    // Finalizers change only through the finalize subresource.
    if (subresource === "finalize") return;
    const finalizers = (old.spec as { finalizers?: string[] } | undefined)?.finalizers;
    const spec = { ...(object.spec as Record<string, unknown> | undefined) };
    if (finalizers) spec.finalizers = finalizers;
    else delete spec.finalizers;
    object.spec = spec;
  },
  columns: [
    nameColumn,
    column("Status", "The status of the namespace", (o) => (o.status as { phase?: string } | undefined)?.phase ?? ""),
    ageColumn,
  ],
};

/** A ServiceAccount's secret references keep only the name (the strategy's cleanSecretReferences). */
function cleanSecretReferences(object: KubeObject): void {
  if (!Array.isArray(object.secrets)) return;
  object.secrets = object.secrets.map((secret: unknown) => {
    const name = (secret as { name?: unknown } | null)?.name;
    return typeof name === "string" && name ? { name } : {};
  });
}

const serviceAccountStrategy: ResourceStrategy = {
  prepareForCreate: cleanSecretReferences,
  prepareForUpdate: cleanSecretReferences,
  columns: [nameColumn, ageColumn],
};

/** Both Event APIs select on the stored (core/v1) fields. */
const eventFieldSelectors: Record<string, FieldGetter> = {
  "involvedObject.kind": (o) => (o.involvedObject as Record<string, string> | undefined)?.kind ?? "",
  "involvedObject.name": (o) => (o.involvedObject as Record<string, string> | undefined)?.name ?? "",
  "involvedObject.namespace": (o) => (o.involvedObject as Record<string, string> | undefined)?.namespace ?? "",
  "involvedObject.uid": (o) => (o.involvedObject as Record<string, string> | undefined)?.uid ?? "",
  reason: (o) => (o.reason as string | undefined) ?? "",
  type: (o) => (o.type as string | undefined) ?? "",
};

const coreEventStrategy: ResourceStrategy = { columns: coreEventColumns, fieldSelectors: eventFieldSelectors };

const eventsV1Strategy: ResourceStrategy = { columns: eventsV1Columns, fieldSelectors: eventFieldSelectors };

const leaseStrategy: ResourceStrategy = {
  columns: [
    nameColumn,
    column(
      "Holder",
      leaseHolderDescription,
      (o) => (o.spec as { holderIdentity?: string } | undefined)?.holderIdentity ?? "",
    ),
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
      Reflect.deleteProperty(object, from);
    }
  }
}

const eventsConversion = {
  toStorage(object: KubeObject): void {
    renameFields(object, eventFieldRenames);
    object.apiVersion = "v1";
    object.kind = "Event";
    fillEmptyFields(object, coreEventEmpty);
  },
  fromStorage(object: KubeObject): KubeObject {
    const converted: KubeObject = { ...object, apiVersion: "events.k8s.io/v1", kind: "Event" };
    renameFields(
      converted,
      eventFieldRenames.map(([a, b]) => [b, a] as [string, string]),
    );
    // Empty strings that core/v1 always serializes and events.k8s.io/v1 omits.
    for (const field of ["reportingController", "reportingInstance"])
      if (converted[field] === "") Reflect.deleteProperty(converted, field);
    return converted;
  },
};

function eventToCore(object: KubeObject): KubeObject {
  const converted = structuredClone(object);
  eventsConversion.toStorage(converted);
  return converted;
}

/** A struct schema: `leaves` are scalar (or atomic) fields, `nested` the others. */
function struct(
  leaves: readonly string[],
  nested: Record<string, Record<string, unknown>> = {},
): Record<string, unknown> {
  return { properties: { ...Object.fromEntries(leaves.map((name) => [name, {}])), ...nested } };
}

/** A struct kube-apiserver tracks as one field (`+structType=atomic`, as ObjectReference). */
const atomicStruct = {
  "x-kubernetes-map-type": "atomic",
  ...struct(["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"]),
};
const stringMap = { additionalProperties: {} };
const eventSeries = struct(["count", "lastObservedTime"]);
const eventSource = struct(["component", "host"]);

const coreEventSchema = struct(
  [
    "reason",
    "message",
    "firstTimestamp",
    "lastTimestamp",
    "count",
    "type",
    "eventTime",
    "action",
    "reportingComponent",
    "reportingInstance",
  ],
  { involvedObject: atomicStruct, related: atomicStruct, source: eventSource, series: eventSeries },
);
const coreEventEmpty = {
  involvedObject: {},
  source: {},
  firstTimestamp: null,
  lastTimestamp: null,
  eventTime: null,
  reportingComponent: "",
  reportingInstance: "",
};

const eventsV1Schema = struct(
  [
    "eventTime",
    "reportingController",
    "reportingInstance",
    "action",
    "reason",
    "note",
    "type",
    "deprecatedFirstTimestamp",
    "deprecatedLastTimestamp",
    "deprecatedCount",
  ],
  { regarding: atomicStruct, related: atomicStruct, deprecatedSource: eventSource, series: eventSeries },
);
const eventsV1Empty = {
  eventTime: null,
  regarding: {},
  deprecatedSource: {},
  deprecatedFirstTimestamp: null,
  deprecatedLastTimestamp: null,
};

const namespaceSchema = struct([], {
  spec: struct(["finalizers"]),
  status: struct(["phase"], {
    conditions: {
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["type"],
      items: struct(["type", "status", "lastTransitionTime", "reason", "message"]),
    },
  }),
});

const serviceAccountSchema = struct(["automountServiceAccountToken"], {
  imagePullSecrets: { items: struct(["name"]) },
  secrets: { "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"], items: atomicStruct },
});

const leaseSchema = struct([], {
  spec: struct([
    "holderIdentity",
    "leaseDurationSeconds",
    "acquireTime",
    "renewTime",
    "leaseTransitions",
    "strategy",
    "preferredHolder",
  ]),
});

/** Fills the common fields of a built-in resource type. */
export function builtinType(
  fields: Pick<ResourceType, "group" | "version" | "resource" | "kind" | "namespaced"> &
    Partial<
      Pick<
        ResourceType,
        | "shortNames"
        | "categories"
        | "statusSubresource"
        | "tracksGeneration"
        | "strategy"
        | "singular"
        | "verbs"
        | "fieldSchema"
        | "emptyObject"
        | "otherVersions"
        | "declarativeValidation"
        | "storagePrefix"
      >
    >,
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
    declarativeValidation: true,
    storagePrefix: fields.resource,
    tracksGeneration: false,
    collection: collectionOf(fields.group, fields.resource),
    storageVersion: fields.version,
    strategy: {},
    ...fields,
  };
}

/** Every built-in resource type, in discovery order. */
export function builtinTypes(): ResourceType[] {
  const types: ResourceType[] = [
    builtinType({
      group: "",
      version: "v1",
      resource: "configmaps",
      kind: "ConfigMap",
      namespaced: true,
      shortNames: ["cm"],
      strategy: configMapStrategy,
      fieldSchema: struct(["immutable"], { data: stringMap, binaryData: stringMap }),
    }),
    builtinType({
      group: "",
      version: "v1",
      resource: "events",
      kind: "Event",
      namespaced: true,
      shortNames: ["ev"],
      strategy: coreEventStrategy,
      fieldSchema: coreEventSchema,
      emptyObject: coreEventEmpty,
      otherVersions: {
        "events.k8s.io/v1": { convert: (object) => eventsConversion.fromStorage(object), fieldSchema: eventsV1Schema },
      },
    }),
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
      fieldSchema: namespaceSchema,
      emptyObject: { spec: {}, status: {} },
    }),
    builtinType({
      group: "",
      version: "v1",
      resource: "secrets",
      kind: "Secret",
      namespaced: true,
      strategy: secretStrategy,
      fieldSchema: struct(["immutable", "type"], { data: stringMap, stringData: stringMap }),
    }),
    builtinType({
      group: "",
      version: "v1",
      resource: "serviceaccounts",
      kind: "ServiceAccount",
      namespaced: true,
      shortNames: ["sa"],
      strategy: serviceAccountStrategy,
      fieldSchema: serviceAccountSchema,
    }),
    builtinType({
      group: "coordination.k8s.io",
      version: "v1",
      resource: "leases",
      kind: "Lease",
      namespaced: true,
      strategy: leaseStrategy,
      fieldSchema: leaseSchema,
      emptyObject: { spec: {} },
    }),
    {
      ...builtinType({
        group: "events.k8s.io",
        version: "v1",
        resource: "events",
        kind: "Event",
        namespaced: true,
        shortNames: ["ev"],
        strategy: eventsV1Strategy,
        fieldSchema: eventsV1Schema,
        emptyObject: eventsV1Empty,
        otherVersions: { v1: { convert: eventToCore, fieldSchema: coreEventSchema } },
      }),
      // One store for both Event APIs, as in kube-apiserver: what one records, the other lists.
      collection: "/events",
      conversion: eventsConversion,
    },
  ];
  return types.map(droppingUnknownFields);
}

/** Namespaces that exist from the start, as kube-apiserver's system namespaces controller makes them. */
export const initialNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;
