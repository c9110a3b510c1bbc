/**
 * What ValidateServiceUpdate checks beyond validateService: a cluster IP or IP family may be
 * added or released (with SingleStack) but never changed, and neither may the load balancer
 * class nor the health check node port (pkg/apis/core/validation).
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateLoadBalancerClass } from "./service_validation.js";
import { isHeadless, needsHealthCheck, type ServiceSpec } from "./service_spec.js";

const mayNotChange = "may not change once set";

function clusterIPChanges(old: ServiceSpec, spec: ServiceSpec): FieldError[] {
  if (spec.type === "ExternalName" || old.type === "ExternalName") return [];
  if (isHeadless(old) && isHeadless(spec)) return [];
  const before = old.clusterIPs ?? [];
  const after = spec.clusterIPs ?? [];
  const errors: FieldError[] = [];
  if (before.length === after.length) {
    before.forEach((ip, index) => {
      if (ip !== after[index]) errors.push(fieldErrors.invalid(`spec.clusterIPs[${index}]`, after, mayNotChange));
    });
  } else if (before.length > after.length) {
    if (after.length === 0)
      errors.push(fieldErrors.invalid("spec.clusterIPs[0]", null, "primary clusterIP can not be unset"));
    if (after.length > 0 && after[0] !== before[0])
      errors.push(fieldErrors.invalid("spec.clusterIPs[0]", after, mayNotChange));
    if (after.length === 1 && spec.ipFamilyPolicy !== "SingleStack")
      errors.push(
        fieldErrors.invalid(
          "spec.ipFamilyPolicy",
          spec.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
  } else if (before.length > 0 && after[0] !== before[0])
    errors.push(fieldErrors.invalid("spec.clusterIPs[0]", after, mayNotChange));
  return errors;
}

function ipFamilyChanges(old: ServiceSpec, spec: ServiceSpec): FieldError[] {
  if (spec.type === "ExternalName" || old.type === "ExternalName") return [];
  if (isHeadless(old) || isHeadless(spec)) return [];
  const before = old.ipFamilies ?? [];
  const after = spec.ipFamilies ?? [];
  const clusterIPs = spec.clusterIPs ?? null;
  const errors: FieldError[] = [];
  if (before.length === after.length) {
    before.forEach((family, index) => {
      if (family !== after[index]) errors.push(fieldErrors.invalid("spec.ipFamilies[0]", after, mayNotChange));
    });
  } else if (before.length > after.length) {
    if (!clusterIPs?.length)
      errors.push(fieldErrors.invalid("spec.ipFamilies[0]", after, "primary ipFamily can not be unset"));
    if (after.length > 0 && after[0] !== before[0])
      errors.push(fieldErrors.invalid("spec.ipFamilies[0]", clusterIPs, mayNotChange));
    if (after.length === 1 && spec.ipFamilyPolicy !== "SingleStack")
      errors.push(
        fieldErrors.invalid(
          "spec.ipFamilyPolicy",
          spec.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary ipFamily",
        ),
      );
  } else if (before.length > 0 && after.length > 0 && after[0] !== before[0])
    errors.push(fieldErrors.invalid("spec.ipFamilies[0]", clusterIPs, mayNotChange));
  return errors;
}

/** The update-only rules, in ValidateServiceUpdate's order (before validateService's). */
export function validateServiceUpdateRules(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  const errors = [...clusterIPChanges(old, spec), ...ipFamilyChanges(old, spec)];
  errors.push(...validateLoadBalancerClass(spec, old));
  if (
    needsHealthCheck(old) &&
    needsHealthCheck(spec) &&
    (spec.healthCheckNodePort ?? 0) !== (old.healthCheckNodePort ?? 0)
  )
    errors.push(fieldErrors.forbidden("spec.healthCheckNodePort", "field is immutable"));
  return errors;
}
