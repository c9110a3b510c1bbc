/**
 * rbac.authorization.k8s.io/v1 ClusterRoles (pkg/registry/rbac/clusterrole): rules, which may name
 * non-resource URLs, and an aggregation rule that needs a selector.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import type { ResourceStrategy } from "../resource_type.js";
import { policyRuleErrors } from "./policy_rules.js";

function validateAggregationRule(object: KubeObject): FieldError[] {
  const rule = object.aggregationRule as { clusterRoleSelectors?: unknown[] | null } | null | undefined;
  if (rule === null || rule === undefined || typeof rule !== "object") return [];
  if (!rule.clusterRoleSelectors?.length)
    return [
      fieldErrors.required(
        "aggregationRule.clusterRoleSelectors",
        "at least one clusterRoleSelector required if aggregationRule is non-nil",
      ),
    ];
  return [];
}

export const clusterRoleStrategy: ResourceStrategy = {
  nameRule: "pathSegment",
  validate(object) {
    const rules = policyRuleErrors(object, false);
    return [...rules.handwritten, ...validateAggregationRule(object), ...rules.declarative];
  },
};
