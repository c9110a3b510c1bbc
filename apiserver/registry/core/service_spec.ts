/**
 * The shape of a Service's spec as the strategy reads it, and the predicates kube-apiserver's
 * service code asks of it (pkg/api/service, pkg/registry/core/service).
 */
import type { KubeObject } from "../../storage/types.js";

export interface ServicePort {
  name?: string;
  protocol?: string;
  appProtocol?: string | null;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceSpec {
  type?: string;
  ports?: ServicePort[] | null;
  selector?: Record<string, string> | null;
  clusterIP?: string;
  clusterIPs?: string[] | null;
  ipFamilies?: string[] | null;
  ipFamilyPolicy?: string | null;
  externalName?: string;
  externalIPs?: string[] | null;
  sessionAffinity?: string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number | null } | null } | null;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string | null;
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean | null;
  loadBalancerClass?: string | null;
  loadBalancerSourceRanges?: string[] | null;
  trafficDistribution?: string | null;
  [field: string]: unknown;
}

/** The service's spec, created empty when missing (a decoded Service always has one). */
export function specOf(service: KubeObject): ServiceSpec {
  if (service.spec === null || typeof service.spec !== "object") service.spec = {};
  return service.spec as ServiceSpec;
}

/** The service's spec for reading (printing, selecting): never changes the object. */
export function readSpec(service: KubeObject): ServiceSpec {
  const spec = service.spec;
  return spec !== null && typeof spec === "object" ? (spec as ServiceSpec) : {};
}

export const clusterIPNone = "None";

/** Whether the service has a single "None" cluster IP (validation's isHeadlessService). */
export function isHeadless(spec: ServiceSpec): boolean {
  return spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === clusterIPNone;
}

/** pkg/api/service.ExternallyAccessible. */
export function externallyAccessible(spec: ServiceSpec): boolean {
  return (
    spec.type === "LoadBalancer" ||
    spec.type === "NodePort" ||
    (spec.type === "ClusterIP" && (spec.externalIPs?.length ?? 0) > 0)
  );
}

/** pkg/api/service.NeedsHealthCheck: a LoadBalancer whose external traffic stays node-local. */
export function needsHealthCheck(spec: ServiceSpec): boolean {
  return spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
}

export function needsClusterIP(spec: ServiceSpec): boolean {
  return spec.type !== "ExternalName";
}

/** Whether node ports are allocated for ports that name none (the storage's needsNodePort). */
export function needsNodePort(spec: ServiceSpec): boolean {
  return spec.type === "NodePort" || (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false);
}

export function sameStrings(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((value, index) => value === right[index]);
}
