/**
 * core/v1 Services, as pkg/registry/core/service (strategy.go and storage/) and
 * pkg/apis/core/v1/defaults.go (SetDefaults_Service) treat them: defaults, a cluster IP and node
 * ports allocated on create (never owned by the writer's field manager), allocated values kept when
 * an update leaves them out, type-dependent fields dropped on a type change, validation, and
 * printService's columns.
 */
import type { KubeObject } from "../../storage/types.js";
import { deepClone } from "../conversion.js";
import { ageColumn, column, formatLabels, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { allocateServiceValues, nodePortRange } from "./service_allocation.js";
import {
  dropTypeDependentFields,
  initIPFamilyFields,
  normalizeClusterIPs,
  patchAllocatedValues,
} from "./service_prepare.js";
import { externallyAccessible, needsHealthCheck, readSpec, specOf, type ServicePort } from "./service_spec.js";
import { validateServiceUpdateRules } from "./service_update_validation.js";
import { validateServiceSpec } from "./service_validation.js";

/** Where Services are stored: what allocation reads the taken addresses and ports from. */
const serviceCollection = "/services";

/** core/v1 DefaultClientIPServiceAffinitySeconds. */
const defaultClientIPAffinitySeconds = 10800;

/** SetDefaults_Service. */
export function defaultService(service: KubeObject): void {
  const spec = specOf(service);
  spec.sessionAffinity ||= "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (timeout === undefined || timeout === null)
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: defaultClientIPAffinitySeconds } };
  }
  spec.type ||= "ClusterIP";
  for (const port of Array.isArray(spec.ports) ? spec.ports : []) {
    port.protocol ||= "TCP";
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "")
      port.targetPort = port.port ?? 0;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";
  if (
    (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) &&
    ["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type)
  )
    spec.internalTrafficPolicy = "Cluster";
  if (spec.type === "LoadBalancer") {
    if (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)
      spec.allocateLoadBalancerNodePorts = true;
    const status = service.status as
      { loadBalancer?: { ingress?: { ip?: string; ipMode?: string | null }[] } } | undefined;
    for (const ingress of status?.loadBalancer?.ingress ?? [])
      if (ingress.ip && (ingress.ipMode === undefined || ingress.ipMode === null)) ingress.ipMode = "VIP";
  }
}

const annotationsOf = (object: KubeObject) => (object.metadata.annotations ?? {}) as Record<string, string>;

/** printers.go makePortString: `port[:nodePort]/protocol`, comma-separated. */
function portString(ports: readonly ServicePort[]): string {
  return ports
    .map((port) => `${port.port ?? 0}${port.nodePort ? `:${port.nodePort}` : ""}/${port.protocol ?? ""}`)
    .join(",");
}

/** getServiceExternalIP, wide (the server prints wide). */
function externalIP(service: KubeObject): string {
  const spec = readSpec(service);
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case "ClusterIP":
    case "NodePort":
      return external.length ? external.join(",") : "<none>";
    case "LoadBalancer": {
      const status = service.status as
        { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined;
      const addresses = new Set<string>();
      for (const ingress of status?.loadBalancer?.ingress ?? []) {
        if (ingress.ip) addresses.add(ingress.ip);
        else if (ingress.hostname) addresses.add(ingress.hostname);
      }
      const all = [...[...addresses].sort(), ...external];
      return all.length ? all.join(",") : "<pending>";
    }
    case "ExternalName":
      return spec.externalName ?? "";
    default:
      return "<unknown>";
  }
}

// Column descriptions are the API types' swagger docs, as kube-apiserver's printers use them.
const typeDescription =
  'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types';
const clusterIPDescription =
  'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies';
const externalIPDescription =
  "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.";
const portsDescription =
  "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies";
const selectorDescription =
  "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/";

export const serviceStrategy: ResourceStrategy = {
  fieldSelectors: {
    "spec.clusterIP": (o) => readSpec(o).clusterIP ?? "",
    "spec.type": (o) => readSpec(o).type ?? "",
  },
  normalize(object) {
    defaultService(object);
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") return [];
    const annotations = annotationsOf(object);
    if (!old) {
      // What allocation will make of the object, checked before it allocates (BeginCreate).
      const spec = deepClone(specOf(object));
      normalizeClusterIPs(spec, undefined);
      const familyErrors = initIPFamilyFields(spec, undefined);
      if (familyErrors.length) return familyErrors;
      // Allocation gives a health check port that validation then requires; any port stands for it here.
      if (needsHealthCheck(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = nodePortRange.base;
      return validateServiceSpec(annotations, spec, undefined);
    }
    const spec = specOf(object);
    const oldSpec = specOf(old);
    const familyErrors = initIPFamilyFields(deepClone(spec), oldSpec);
    if (familyErrors.length) return familyErrors;
    return [
      ...validateServiceUpdateRules(spec, oldSpec),
      ...validateServiceSpec(annotations, spec, { spec: oldSpec, annotations: annotationsOf(old) }),
    ];
  },
  prepareForCreate(object, stored) {
    object.status = { loadBalancer: {} };
    const spec = specOf(object);
    normalizeClusterIPs(spec, undefined);
    initIPFamilyFields(spec, undefined);
    allocateServiceValues(object, undefined, stored?.list(serviceCollection) ?? []);
  },
  prepareForUpdate(object, old, subresource, stored) {
    if (subresource === "status") return;
    const spec = specOf(object);
    const oldSpec = specOf(old);
    dropTypeDependentFields({ spec, status: object.status }, oldSpec);
    patchAllocatedValues(spec, oldSpec);
    normalizeClusterIPs(spec, oldSpec);
    if (initIPFamilyFields(spec, oldSpec).length === 0)
      allocateServiceValues(object, old, stored?.list(serviceCollection) ?? []);
  },
  columns: [
    nameColumn,
    column("Type", typeDescription, (o) => readSpec(o).type ?? ""),
    column("Cluster-IP", clusterIPDescription, (o) => readSpec(o).clusterIPs?.[0] ?? "<none>"),
    column("External-IP", externalIPDescription, externalIP),
    column("Port(s)", portsDescription, (o) => portString(readSpec(o).ports ?? []) || "<none>"),
    ageColumn,
    column("Selector", selectorDescription, (o) => formatLabels(readSpec(o).selector), { priority: 1 }),
  ],
};
