/**
 * How kube-apiserver reads what a client meant by a Service's linked fields before it allocates
 * (pkg/registry/core/service/storage: normalizeClusterIPs, patchAllocatedValues, and alloc.go's
 * initIPFamilyFields; strategy.go's dropTypeDependentFields). This server has one IPv4 service
 * range, as the reference control plane runs (--service-cluster-ip-range=10.0.0.0/24).
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { isIPv6String } from "../../validation/ip.js";
import { validateClusterIPFields } from "./service_validation.js";
import {
  clusterIPNone,
  externallyAccessible,
  needsClusterIP,
  needsHealthCheck,
  needsNodePort,
  sameStrings,
  type ServiceSpec,
} from "./service_spec.js";

/** The IP families this server allocates cluster IPs from, primary first. */
export const configuredFamilies = ["IPv4"] as const;

/** clusterIP and clusterIPs kept in step: a client may send either (normalizeClusterIPs). */
export function normalizeClusterIPs(spec: ServiceSpec, old: ServiceSpec | undefined): void {
  if (!old) {
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if (old.clusterIPs?.length && !spec.clusterIPs?.length && old.clusterIP === spec.clusterIP)
    spec.clusterIPs = old.clusterIPs;
  if (old.clusterIP === spec.clusterIP || !sameStrings(old.clusterIPs, spec.clusterIPs)) return;
  if (old.clusterIP && !spec.clusterIP) spec.clusterIPs = null;
  else spec.clusterIPs = [spec.clusterIP ?? ""];
}

/** Allocated values a client left out of an update are kept (patchAllocatedValues). */
export function patchAllocatedValues(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = old.clusterIP;
    if (!spec.clusterIPs?.length && old.clusterIPs?.length) spec.clusterIPs = old.clusterIPs;
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const usedBy = (s: ServiceSpec) => new Set((s.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p !== 0));
    const newPorts = usedBy(spec);
    const used = new Set([...usedBy(old)].filter((port) => newPorts.has(port)));
    const byName = new Map((old.ports ?? []).map((port) => [port.name ?? "", port.nodePort ?? 0]));
    for (const port of spec.ports ?? []) {
      const previous = byName.get(port.name ?? "") ?? 0;
      if (!port.nodePort && !used.has(previous) && previous) port.nodePort = previous;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort)
    spec.healthCheckNodePort = old.healthCheckNodePort;
}

/** Type-dependent fields a type change makes meaningless, when the client left them as they were. */
export function dropTypeDependentFields(object: { spec: ServiceSpec; status?: unknown }, old: ServiceSpec): void {
  const spec = object.spec;
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (old.clusterIP === spec.clusterIP && sameStrings(old.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameStrings(old.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if ((old.ipFamilyPolicy ?? "") === (spec.ipFamilyPolicy ?? "")) delete spec.ipFamilyPolicy;
  }
  const usesNodePorts = (s: ServiceSpec) => s.type === "NodePort" || s.type === "LoadBalancer";
  const oldNodePorts = new Set((old.ports ?? []).map((port) => port.nodePort ?? 0));
  if (
    usesNodePorts(old) &&
    !usesNodePorts(spec) &&
    (spec.ports ?? []).every((p) => !p.nodePort || oldNodePorts.has(p.nodePort))
  )
    for (const port of spec.ports ?? []) delete port.nodePort;
  if (needsHealthCheck(old) && !needsHealthCheck(spec) && old.healthCheckNodePort === spec.healthCheckNodePort)
    delete spec.healthCheckNodePort;
  if (old.type === "LoadBalancer" && spec.type !== "LoadBalancer") {
    const before = old.allocateLoadBalancerNodePorts;
    if (typeof before === "boolean" && before === spec.allocateLoadBalancerNodePorts)
      delete spec.allocateLoadBalancerNodePorts;
    if ((old.loadBalancerClass ?? undefined) === (spec.loadBalancerClass ?? undefined)) delete spec.loadBalancerClass;
  }
  if (
    externallyAccessible(old) &&
    !externallyAccessible(spec) &&
    old.externalTrafficPolicy === spec.externalTrafficPolicy
  )
    delete spec.externalTrafficPolicy;
  if (spec.type !== "LoadBalancer" && object.status && typeof object.status === "object")
    (object.status as Record<string, unknown>).loadBalancer = {};
}

const otherFamily = (family: string) => (family === "IPv4" ? "IPv6" : "IPv4");

/**
 * initIPFamilyFields: ipFamilyPolicy and ipFamilies defaulted for this single-stack cluster, or
 * the errors that make the service impossible here (a family or dual stack it does not have).
 */
export function initIPFamilyFields(spec: ServiceSpec, old: ServiceSpec | undefined): FieldError[] {
  if (spec.type === "ExternalName") return [];
  if (
    old &&
    spec.ipFamilyPolicy === "PreferDualStack" &&
    (old.ipFamilyPolicy ?? "PreferDualStack") === "PreferDualStack" &&
    old.type === spec.type &&
    sameStrings(old.clusterIPs, spec.clusterIPs) &&
    sameStrings(old.ipFamilies, spec.ipFamilies)
  )
    return [];
  const selectorless = Object.keys(spec.selector ?? {}).length === 0;
  if (!spec.ipFamilyPolicy) {
    if (old?.ipFamilyPolicy) spec.ipFamilyPolicy = old.ipFamilyPolicy;
    else spec.ipFamilyPolicy = spec.clusterIP === clusterIPNone && selectorless ? "RequireDualStack" : "SingleStack";
  }
  const relatedErrors = validateClusterIPFields(spec, old);
  if (relatedErrors.length) return relatedErrors;
  const errors: FieldError[] = [];
  const policy = spec.ipFamilyPolicy;
  const clusterIPs = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  if (old) {
    if (policy === "SingleStack") {
      if (sameStrings(old.clusterIPs, clusterIPs) && clusterIPs.length > 1) spec.clusterIPs = clusterIPs.slice(0, 1);
      if (sameStrings(old.ipFamilies, families) && families.length > 1) spec.ipFamilies = families.slice(0, 1);
    } else {
      if (clusterIPs.length && clusterIPs.length < (old.clusterIPs?.length ?? 0))
        errors.push(
          fieldErrors.invalid(
            "spec.ipFamilyPolicy",
            policy,
            "must be 'SingleStack' to release the secondary cluster IP",
          ),
        );
      if (families.length && families.length < (old.ipFamilies?.length ?? 0))
        errors.push(
          fieldErrors.invalid(
            "spec.ipFamilyPolicy",
            policy,
            "must be 'SingleStack' to release the secondary IP family",
          ),
        );
    }
  }
  if (policy === "SingleStack") {
    if ((spec.clusterIPs ?? []).length === 2)
      errors.push(
        fieldErrors.invalid(
          "spec.ipFamilyPolicy",
          policy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        ),
      );
    if ((spec.ipFamilies ?? []).length === 2)
      errors.push(
        fieldErrors.invalid(
          "spec.ipFamilyPolicy",
          policy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      );
  }
  const inferred = [...(spec.ipFamilies ?? [])];
  for (const [index, ip] of (spec.clusterIPs ?? []).entries()) {
    if (ip === clusterIPNone) break;
    const family = isIPv6String(ip) ? "IPv6" : "IPv4";
    if (index < inferred.length) continue;
    if ((configuredFamilies as readonly string[]).includes(family)) inferred.push(family);
    else
      errors.push(
        fieldErrors.invalid(
          `spec.clusterIPs[${index}]`,
          spec.clusterIPs,
          `${family} is not configured on this cluster`,
        ),
      );
  }
  if (inferred.length) spec.ipFamilies = inferred;
  if (errors.length) return errors;
  if (spec.clusterIP === clusterIPNone && selectorless) {
    const headless = spec.ipFamilies?.length ? [...spec.ipFamilies] : [configuredFamilies[0]];
    if (headless.length < 2 && policy !== "SingleStack") headless.push(otherFamily(headless[0] ?? "IPv4"));
    spec.ipFamilies = headless;
    return [];
  }
  if (policy === "RequireDualStack" && configuredFamilies.length < 2)
    errors.push(
      fieldErrors.invalid("spec.ipFamilyPolicy", policy, "this cluster is not configured for dual-stack services"),
    );
  (spec.ipFamilies ?? []).forEach((family, index) => {
    if (!(configuredFamilies as readonly string[]).includes(family))
      errors.push(fieldErrors.invalid(`spec.ipFamilies[${index}]`, family, "not configured on this cluster"));
  });
  if (errors.length) return errors;
  if (!spec.ipFamilies?.length) spec.ipFamilies = [configuredFamilies[0]];
  return [];
}
