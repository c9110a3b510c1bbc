/**
 * Service validation as pkg/apis/core/validation's ValidateServiceCreate / ValidateServiceUpdate
 * check it (metadata aside, which the object service validates for every kind), in its order and
 * with its wording.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { isIPv6String, validateEndpointIP, validateLegacyCIDR, validateLegacyIP } from "../../validation/ip.js";
import { validateLabels } from "../../validation/label_selector.js";
import { portNumberErrors, validatePortNumberOrName, validatePortProtocol } from "../../validation/ports.js";
import {
  externallyAccessible,
  isHeadless,
  needsHealthCheck,
  type ServicePort,
  type ServiceSpec,
} from "./service_spec.js";

const serviceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const sessionAffinities = ["ClientIP", "None"];
const trafficPolicies = ["Cluster", "Local"];
const ipFamilies = ["IPv4", "IPv6"];
const ipFamilyPolicies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
const trafficDistributions = ["PreferClose", "PreferSameZone", "PreferSameNode"];
const maxClientIPAffinitySeconds = 86400;
const topologyModeAnnotation = "service.kubernetes.io/topology-mode";
const topologyHintsAnnotation = "service.kubernetes.io/topology-aware-hints";
const sourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges";

const messages = (path: string, value: unknown, list: string[]) =>
  list.map((message) => fieldErrors.invalid(path, value, message));

function validatePort(port: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (requireName && !port.name) errors.push(fieldErrors.required(`${path}.name`));
  else if (port.name) {
    errors.push(...messages(`${path}.name`, port.name, dns1123LabelErrors(port.name)));
    if (names.has(port.name)) errors.push(fieldErrors.duplicate(`${path}.name`, port.name));
    else names.add(port.name);
  }
  errors.push(...messages(`${path}.port`, port.port ?? 0, portNumberErrors(port.port ?? 0)));
  errors.push(...validatePortProtocol(port.protocol, `${path}.protocol`));
  errors.push(...validatePortNumberOrName(port.targetPort, `${path}.targetPort`));
  if (port.appProtocol !== undefined && port.appProtocol !== null)
    errors.push(...messages(`${path}.appProtocol`, port.appProtocol, qualifiedNameErrors(port.appProtocol)));
  return errors;
}

/** The internal ServicePort as field.Duplicate prints it (Go's field names, no json tags). */
function internalPortKey(port: ServicePort): string {
  const key = {
    Name: "",
    Protocol: port.protocol ?? "",
    AppProtocol: null,
    Port: port.port ?? 0,
    TargetPort: 0,
    NodePort: 0,
  };
  return JSON.stringify(key);
}

function validateAffinity(spec: ServiceSpec): FieldError[] {
  const path = "spec.sessionAffinityConfig";
  if (spec.sessionAffinity === "None")
    return spec.sessionAffinityConfig
      ? [fieldErrors.forbidden(path, "must not be set when session affinity is None")]
      : [];
  if (spec.sessionAffinity !== "ClientIP") return [];
  const when = "when session affinity type is ClientIP";
  const config = spec.sessionAffinityConfig;
  if (!config) return [fieldErrors.required(path, when)];
  if (!config.clientIP) return [fieldErrors.required(`${path}.clientIP`, when)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout === undefined || timeout === null) return [fieldErrors.required(`${path}.clientIP.timeoutSeconds`, when)];
  if (timeout <= 0 || timeout > maxClientIPAffinitySeconds)
    return [
      fieldErrors.invalid(
        `${path}.clientIP.timeoutSeconds`,
        timeout,
        `must be greater than 0 and less than ${maxClientIPAffinitySeconds}`,
      ),
    ];
  return [];
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP / clusterIPs / ipFamilies / ipFamilyPolicy. */
export function validateClusterIPFields(spec: ServiceSpec, oldSpec: ServiceSpec | undefined): FieldError[] {
  if (spec.type === "ExternalName") return [];
  const errors: FieldError[] = [];
  const clusterIPs = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (clusterIPs.length === 0) errors.push(fieldErrors.required("spec.clusterIPs"));
    else if (clusterIPs[0] !== spec.clusterIP)
      errors.push(fieldErrors.invalid("spec.clusterIPs", clusterIPs, "first value must match `clusterIP`"));
  } else if (clusterIPs.length)
    errors.push(fieldErrors.invalid("spec.clusterIPs", clusterIPs, "must be empty when `clusterIP` is not specified"));
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((family, index) => {
    if (!ipFamilies.includes(family))
      errors.push(fieldErrors.notSupported(`spec.ipFamilies[${index}]`, family, ipFamilies));
    if (seen.has(family)) errors.push(fieldErrors.duplicate(`spec.ipFamilies[${index}]`, family));
    seen.add(family);
  });
  if (
    spec.ipFamilyPolicy !== undefined &&
    spec.ipFamilyPolicy !== null &&
    !ipFamilyPolicies.includes(spec.ipFamilyPolicy)
  )
    errors.push(fieldErrors.notSupported("spec.ipFamilyPolicy", spec.ipFamilyPolicy, ipFamilyPolicies));
  let invalidIPs = false;
  clusterIPs.forEach((ip, index) => {
    if (index === 0 && ip === "None") {
      if (clusterIPs.length > 1) {
        invalidIPs = true;
        errors.push(fieldErrors.invalid("spec.clusterIPs", clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrors = validateLegacyIP(`spec.clusterIPs[${index}]`, ip, oldSpec?.clusterIPs ?? []);
    invalidIPs ||= ipErrors.length > 0;
    errors.push(...ipErrors);
  });
  if (clusterIPs.length > 2)
    errors.push(fieldErrors.invalid("spec.clusterIPs", clusterIPs, "may only hold up to 2 values"));
  if (invalidIPs) return errors;
  if (clusterIPs.length > 1 && isIPv6String(clusterIPs[0] ?? "") === isIPv6String(clusterIPs[1] ?? ""))
    errors.push(
      fieldErrors.invalid("spec.clusterIPs", clusterIPs, "may specify no more than one IP for each IP family"),
    );
  if (!isHeadless(spec)) {
    const families = spec.ipFamilies ?? [];
    clusterIPs.slice(0, families.length).forEach((ip, index) => {
      const expected = families[index];
      if ((expected === "IPv4" && isIPv6String(ip)) || (expected === "IPv6" && !isIPv6String(ip)))
        errors.push(
          fieldErrors.invalid(
            `spec.clusterIPs[${index}]`,
            ip,
            `expected an ${expected} value as indicated by \`ipFamilies[${index}]\``,
          ),
        );
    });
  }
  return errors;
}

function validateTypeRules(spec: ServiceSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec.ports?.length && !isHeadless(spec) && spec.type !== "ExternalName")
    errors.push(fieldErrors.required("spec.ports"));
  if ((spec.type === "LoadBalancer" || spec.type === "NodePort") && isHeadless(spec))
    errors.push(
      fieldErrors.invalid("spec.clusterIPs[0]", "None", `may not be set to 'None' for ${spec.type} services`),
    );
  if (spec.type === "ExternalName") {
    if (spec.clusterIPs?.length)
      errors.push(fieldErrors.forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
    if (spec.ipFamilies?.length)
      errors.push(fieldErrors.forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null)
      errors.push(fieldErrors.forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
    const cname = (spec.externalName ?? "").replace(/\.$/, "");
    if (cname) errors.push(...messages("spec.externalName", cname, dns1123SubdomainErrors(cname)));
    else errors.push(fieldErrors.required("spec.externalName"));
  }
  return errors;
}

function validatePortsAndAddresses(spec: ServiceSpec, oldSpec: ServiceSpec | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const ports = spec.ports ?? [];
  const names = new Set<string>();
  ports.forEach((port, index) => errors.push(...validatePort(port, ports.length > 1, names, `spec.ports[${index}]`)));
  if (spec.selector) errors.push(...validateLabels(spec.selector, "spec.selector"));
  if (!spec.sessionAffinity) errors.push(fieldErrors.required("spec.sessionAffinity"));
  else if (!sessionAffinities.includes(spec.sessionAffinity))
    errors.push(fieldErrors.notSupported("spec.sessionAffinity", spec.sessionAffinity, sessionAffinities));
  errors.push(...validateAffinity(spec));
  errors.push(...validateClusterIPFields(spec, oldSpec));
  (spec.externalIPs ?? []).forEach((ip, index) => {
    const path = `spec.externalIPs[${index}]`;
    const ipErrors = validateLegacyIP(path, ip, oldSpec?.externalIPs ?? []);
    errors.push(...(ipErrors.length ? ipErrors : validateEndpointIP(path, ip)));
  });
  if (!spec.type) errors.push(fieldErrors.required("spec.type"));
  else if (!serviceTypes.includes(spec.type))
    errors.push(fieldErrors.notSupported("spec.type", spec.type, serviceTypes));
  if (spec.type === "ClusterIP")
    ports.forEach((port, index) => {
      if (port.nodePort)
        errors.push(
          fieldErrors.forbidden(`spec.ports[${index}].nodePort`, "may not be used when `type` is 'ClusterIP'"),
        );
    });
  const nodePorts = new Set<string>();
  const servicePorts = new Set<string>();
  ports.forEach((port, index) => {
    const nodeKey = `${port.protocol}/${port.nodePort}`;
    if (port.nodePort) {
      if (nodePorts.has(nodeKey)) errors.push(fieldErrors.duplicate(`spec.ports[${index}].nodePort`, port.nodePort));
      nodePorts.add(nodeKey);
    }
    const key = `${port.protocol}/${port.port}`;
    if (servicePorts.has(key))
      errors.push({
        ...fieldErrors.duplicate(`spec.ports[${index}]`, ""),
        detail: `Duplicate value: ${internalPortKey(port)}`,
      });
    servicePorts.add(key);
  });
  return errors;
}

function validateLoadBalancerFields(
  service: { annotations: Record<string, string> },
  spec: ServiceSpec,
  oldSpec: ServiceSpec | undefined,
  oldAnnotations: Record<string, string> | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length) {
    const path = "spec.LoadBalancerSourceRanges";
    if (spec.type !== "LoadBalancer")
      errors.push(fieldErrors.forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    const existing = (oldSpec?.loadBalancerSourceRanges ?? []).map((value) => value.trim());
    ranges.forEach((value, index) => errors.push(...validateLegacyCIDR(`${path}[${index}]`, value.trim(), existing)));
  } else if (sourceRangesAnnotation in service.annotations) {
    const value = service.annotations[sourceRangesAnnotation] ?? "";
    const path = `metadata.annotations[${sourceRangesAnnotation}]`;
    if (spec.type !== "LoadBalancer")
      errors.push(fieldErrors.forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    if (oldAnnotations?.[sourceRangesAnnotation] !== value && value.trim())
      for (const cidr of value.trim().split(",")) errors.push(...validateLegacyCIDR(path, cidr.trim()));
  }
  const allocate = spec.allocateLoadBalancerNodePorts;
  if (allocate !== undefined && allocate !== null && spec.type !== "LoadBalancer")
    errors.push(
      fieldErrors.forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"),
    );
  if (spec.type === "LoadBalancer" && (allocate === undefined || allocate === null))
    errors.push(fieldErrors.required("allocateLoadBalancerNodePorts"));
  errors.push(...validateLoadBalancerClass(spec, undefined));
  return errors;
}

/** validateLoadBalancerClassField: a qualified name, only on LoadBalancers, fixed once set. */
function validateLoadBalancerClass(spec: ServiceSpec, oldSpec: ServiceSpec | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const value = spec.loadBalancerClass ?? undefined;
  if (
    oldSpec?.type === "LoadBalancer" &&
    spec.type === "LoadBalancer" &&
    (oldSpec.loadBalancerClass ?? undefined) !== value
  )
    errors.push(fieldErrors.invalid("spec.loadBalancerClass", value ?? null, "may not change once set"));
  if (value === undefined) return errors;
  if (spec.type === "LoadBalancer")
    errors.push(...messages("spec.loadBalancerClass", value, qualifiedNameErrors(value)));
  else errors.push(fieldErrors.forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
  return errors;
}

function validateTrafficPolicies(spec: ServiceSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy)
      errors.push(
        fieldErrors.invalid(
          "spec.externalTrafficPolicy",
          spec.externalTrafficPolicy,
          "may only be set for externally-accessible services",
        ),
      );
  } else if (!spec.externalTrafficPolicy) errors.push(fieldErrors.required("spec.externalTrafficPolicy"));
  else if (!trafficPolicies.includes(spec.externalTrafficPolicy))
    errors.push(fieldErrors.notSupported("spec.externalTrafficPolicy", spec.externalTrafficPolicy, trafficPolicies));
  const healthCheck = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(spec)) {
    if (healthCheck)
      errors.push(
        fieldErrors.invalid(
          "spec.healthCheckNodePort",
          healthCheck,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
  } else if (!healthCheck) errors.push(fieldErrors.required("spec.healthCheckNodePort"));
  else errors.push(...messages("spec.healthCheckNodePort", healthCheck, portNumberErrors(healthCheck)));
  const internal = spec.internalTrafficPolicy;
  if (
    (internal === undefined || internal === null) &&
    ["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type ?? "")
  )
    errors.push(fieldErrors.required("spec.internalTrafficPolicy"));
  if (internal !== undefined && internal !== null && !trafficPolicies.includes(internal))
    errors.push(fieldErrors.notSupported("spec.internalTrafficPolicy", internal, trafficPolicies));
  const distribution = spec.trafficDistribution;
  if (distribution !== undefined && distribution !== null && !trafficDistributions.includes(distribution))
    errors.push(fieldErrors.notSupported("spec.trafficDistribution", distribution, trafficDistributions));
  return errors;
}

/** validateService: the rules a Service's spec and its annotations meet on create and update. */
export function validateServiceSpec(
  annotations: Record<string, string>,
  spec: ServiceSpec,
  old: { spec: ServiceSpec; annotations: Record<string, string> } | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const mode = annotations[topologyModeAnnotation];
  const hints = annotations[topologyHintsAnnotation];
  if (mode !== undefined && hints !== undefined && mode !== hints)
    errors.push(
      fieldErrors.invalid(
        `metadata.annotations[${topologyModeAnnotation}]`,
        mode,
        `must match annotations[${topologyHintsAnnotation}] when both are specified`,
      ),
    );
  errors.push(...validateTypeRules(spec));
  errors.push(...validatePortsAndAddresses(spec, old?.spec));
  errors.push(...validateLoadBalancerFields({ annotations }, spec, old?.spec, old?.annotations));
  errors.push(...validateTrafficPolicies(spec));
  return errors;
}

export { validateLoadBalancerClass };
