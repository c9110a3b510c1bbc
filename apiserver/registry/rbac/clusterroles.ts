/**
 * rbac.authorization.k8s.io/v1 ClusterRoles (pkg/registry/rbac/clusterrole): rules, which may name
 * non-resource URLs, and an aggregation rule that needs a selector.
 */
import type { LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { labelSelectorAsSelector, validateLabelSelector } from "../../validation/label_selector.js";
import type { ResourceStrategy } from "../resource_type.js";
import { policyRuleErrors } from "./policy_rules.js";

function selectorsOf(object: KubeObject): LabelSelector[] | undefined {
  const rule = object.aggregationRule as { clusterRoleSelectors?: (LabelSelector | null)[] | null } | null | undefined;
  if (rule === null || rule === undefined || typeof rule !== "object") return undefined;
  return (rule.clusterRoleSelectors ?? []).map((selector) => selector ?? {});
}

/**
 * The aggregation rule: at least one selector, each valid, and each convertible to a selector
 * (invalid label values are let through on an update of a role that already had them).
 */
function validateAggregationRule(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const selectors = selectorsOf(object);
  if (!selectors) return [];
  if (selectors.length === 0)
    return [
      fieldErrors.required(
        "aggregationRule.clusterRoleSelectors",
        "at least one clusterRoleSelector required if aggregationRule is non-nil",
      ),
    ];
  // hasInvalidLabelValueInLabelSelector: a stored role whose selectors fail keeps its values.
  const allowInvalidLabelValue =
    selectorsOf(old ?? { metadata: {} })?.some((selector) => validateLabelSelector(selector, "").length > 0) ?? false;
  return selectors.flatMap((selector, index) => {
    const path = `aggregationRule.clusterRoleSelectors[${index}]`;
    const errors = validateLabelSelector(selector, path, { allowInvalidLabelValue });
    // LabelSelectorAsSelector's error leaves its result nil, which is what the message prints.
    if (labelSelectorAsSelector(selector) === undefined)
      errors.push(fieldErrors.invalid(path, null, "invalid label selector."));
    return errors;
  });
}

export const clusterRoleStrategy: ResourceStrategy = {
  nameRule: "pathSegment",
  validate(object, old) {
    const rules = policyRuleErrors(object, false);
    return [...rules.handwritten, ...validateAggregationRule(object, old), ...rules.declarative];
  },
};
