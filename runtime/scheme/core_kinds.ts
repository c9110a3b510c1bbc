import type { KubernetesObject, ObjectMeta } from "../object.js";
import { defineGroupVersion } from "./group_version.js";

/**
 * The built-in kinds the runtime itself uses (events, leases) and that operators commonly own.
 * Fields are the subset needed here; unknown fields are kept as the server sent them.
 */

const coreV1 = defineGroupVersion({ group: "", version: "v1" });
const coordinationV1 = defineGroupVersion({ group: "coordination.k8s.io", version: "v1" });
const appsV1 = defineGroupVersion({ group: "apps", version: "v1" });
const apiextensionsV1 = defineGroupVersion({ group: "apiextensions.k8s.io", version: "v1" });

/** core/v1 Namespace. */
export interface Namespace extends KubernetesObject {
  metadata?: ObjectMeta;
  spec?: { finalizers?: string[] };
  status?: { phase?: string };
}
export const Namespace = coreV1.kind<Namespace>({ kind: "Namespace", plural: "namespaces", namespaced: false });

/** core/v1 ConfigMap. */
export interface ConfigMap extends KubernetesObject {
  metadata?: ObjectMeta;
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}
export const ConfigMap = coreV1.kind<ConfigMap>({ kind: "ConfigMap", plural: "configmaps" });

/** core/v1 Secret. */
export interface Secret extends KubernetesObject {
  metadata?: ObjectMeta;
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  immutable?: boolean;
}
export const Secret = coreV1.kind<Secret>({ kind: "Secret", plural: "secrets" });

/** core/v1 ServiceAccount. */
export interface ServiceAccount extends KubernetesObject {
  metadata?: ObjectMeta;
}
export const ServiceAccount = coreV1.kind<ServiceAccount>({ kind: "ServiceAccount", plural: "serviceaccounts" });

/** core/v1 Pod (spec and status left open). */
export interface Pod extends KubernetesObject {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}
export const Pod = coreV1.kind<Pod>({ kind: "Pod", plural: "pods" });

/** core/v1 Service (spec and status left open). */
export interface Service extends KubernetesObject {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}
export const Service = coreV1.kind<Service>({ kind: "Service", plural: "services" });

/** A reference to an object, as Events use it. */
export interface ObjectReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** core/v1 Event, as the event recorder writes it. */
export interface Event extends KubernetesObject {
  metadata?: ObjectMeta;
  involvedObject: ObjectReference;
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
}
export const Event = coreV1.kind<Event>({ kind: "Event", plural: "events" });

/** coordination.k8s.io/v1 Lease, the leader election lock. */
export interface Lease extends KubernetesObject {
  metadata?: ObjectMeta;
  spec?: {
    holderIdentity?: string | null;
    leaseDurationSeconds?: number;
    acquireTime?: string | null;
    renewTime?: string | null;
    leaseTransitions?: number;
  };
}
export const Lease = coordinationV1.kind<Lease>({ kind: "Lease", plural: "leases" });

/** apps/v1 Deployment (spec and status left open). */
export interface Deployment extends KubernetesObject {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}
export const Deployment = appsV1.kind<Deployment>({ kind: "Deployment", plural: "deployments" });

/** apiextensions.k8s.io/v1 CustomResourceDefinition (spec and status left open). */
export interface CustomResourceDefinition extends KubernetesObject {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: { conditions?: { type: string; status: string }[] } & Record<string, unknown>;
}
export const CustomResourceDefinition = apiextensionsV1.kind<CustomResourceDefinition>({
  kind: "CustomResourceDefinition",
  plural: "customresourcedefinitions",
  namespaced: false,
});
