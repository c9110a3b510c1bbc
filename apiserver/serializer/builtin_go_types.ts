/**
 * The Go structs kube-apiserver decodes the built-in kinds' bodies into (k8s.io/api core/v1,
 * coordination/v1, events/v1 and metav1's ObjectMeta), as far as their JSON types matter to the
 * decoder: what a field must hold, and the type names its errors print. Pointers decode as the
 * type they point to, which is also the name Go prints.
 */
import type { GoStruct, GoType } from "./go_unmarshal.js";
import { rfc3339, rfc3339Micro } from "./go_time.js";

const string: GoType = { kind: "string" };
const bool: GoType = { kind: "bool" };
const int32: GoType = { kind: "int32" };
const int64: GoType = { kind: "int64" };
const named = (name: string): GoType => ({ kind: "string", name });
const uid = named("types.UID");
const time: GoType = { kind: "time", name: "v1.Time", layout: rfc3339 };
const microTime: GoType = { kind: "time", name: "v1.MicroTime", layout: rfc3339Micro };
const stringMap: GoType = { kind: "map", values: string };
const bytesMap: GoType = { kind: "map", values: { kind: "bytes" } };
const sliceOf = (items: GoType): GoType => ({ kind: "slice", items });
const struct = (name: string, fields: Record<string, GoType>): GoStruct => ({ kind: "struct", name, fields });

const ownerReference = struct("v1.OwnerReference", {
  apiVersion: string,
  kind: string,
  name: string,
  uid,
  controller: bool,
  blockOwnerDeletion: bool,
});

const managedFieldsEntry = struct("v1.ManagedFieldsEntry", {
  manager: string,
  operation: named("v1.ManagedFieldsOperationType"),
  apiVersion: string,
  time,
  fieldsType: string,
  fieldsV1: { kind: "raw" },
  subresource: string,
});

/** metav1.ObjectMeta: also the one list of its fields the server's schemas derive from (validation/object_meta_schema.ts). */
export const OBJECT_META_GO_TYPE = struct("v1.ObjectMeta", {
  name: string,
  generateName: string,
  namespace: string,
  selfLink: string,
  uid,
  resourceVersion: string,
  generation: int64,
  creationTimestamp: time,
  deletionTimestamp: time,
  deletionGracePeriodSeconds: int64,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: sliceOf(ownerReference),
  finalizers: sliceOf(string),
  managedFields: sliceOf(managedFieldsEntry),
});

/** A kind's struct: TypeMeta's fields, ObjectMeta, and its own. */
function kind(name: string, fields: Record<string, GoType>): GoStruct {
  return struct(name, { kind: string, apiVersion: string, metadata: OBJECT_META_GO_TYPE, ...fields });
}

const objectReference = struct("v1.ObjectReference", {
  kind: string,
  namespace: string,
  name: string,
  uid,
  apiVersion: string,
  resourceVersion: string,
  fieldPath: string,
});

const eventSource = struct("v1.EventSource", { component: string, host: string });
const eventSeries = struct("v1.EventSeries", { count: int32, lastObservedTime: microTime });

/** Each built-in kind's Go struct, by `apiVersion/kind`. */
export const builtinGoTypes: Readonly<Record<string, GoStruct>> = {
  "v1/ConfigMap": kind("v1.ConfigMap", { immutable: bool, data: stringMap, binaryData: bytesMap }),
  "v1/Secret": kind("v1.Secret", {
    immutable: bool,
    data: bytesMap,
    stringData: stringMap,
    type: named("v1.SecretType"),
  }),
  "v1/ServiceAccount": kind("v1.ServiceAccount", {
    secrets: sliceOf(objectReference),
    imagePullSecrets: sliceOf(struct("v1.LocalObjectReference", { name: string })),
    automountServiceAccountToken: bool,
  }),
  "v1/Namespace": kind("v1.Namespace", {
    spec: struct("v1.NamespaceSpec", { finalizers: sliceOf(named("v1.FinalizerName")) }),
    status: struct("v1.NamespaceStatus", {
      phase: named("v1.NamespacePhase"),
      conditions: sliceOf(
        struct("v1.NamespaceCondition", {
          type: named("v1.NamespaceConditionType"),
          status: named("v1.ConditionStatus"),
          lastTransitionTime: time,
          reason: string,
          message: string,
        }),
      ),
    }),
  }),
  "coordination.k8s.io/v1/Lease": kind("v1.Lease", {
    spec: struct("v1.LeaseSpec", {
      holderIdentity: string,
      leaseDurationSeconds: int32,
      acquireTime: microTime,
      renewTime: microTime,
      leaseTransitions: int32,
      strategy: named("v1.CoordinatedLeaseStrategy"),
      preferredHolder: string,
    }),
  }),
  "v1/Event": kind("v1.Event", {
    involvedObject: objectReference,
    reason: string,
    message: string,
    source: eventSource,
    firstTimestamp: time,
    lastTimestamp: time,
    count: int32,
    type: string,
    eventTime: microTime,
    series: eventSeries,
    action: string,
    related: objectReference,
    reportingComponent: string,
    reportingInstance: string,
  }),
  "events.k8s.io/v1/Event": kind("v1.Event", {
    eventTime: microTime,
    series: eventSeries,
    reportingController: string,
    reportingInstance: string,
    action: string,
    reason: string,
    regarding: objectReference,
    related: objectReference,
    note: string,
    type: string,
    deprecatedSource: eventSource,
    deprecatedFirstTimestamp: time,
    deprecatedLastTimestamp: time,
    deprecatedCount: int32,
  }),
};

/** metav1.DeleteOptions, which a delete's body decodes into. */
export const deleteOptionsGoType = struct("v1.DeleteOptions", {
  kind: string,
  apiVersion: string,
  gracePeriodSeconds: int64,
  preconditions: struct("v1.Preconditions", { uid, resourceVersion: string }),
  orphanDependents: bool,
  propagationPolicy: named("v1.DeletionPropagation"),
  dryRun: sliceOf(string),
  ignoreStoreReadErrorWithClusterBreakingPotential: bool,
});
