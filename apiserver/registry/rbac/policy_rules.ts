/**
 * The rules of Roles and ClusterRoles, validated as pkg/apis/rbac/validation's ValidatePolicyRule.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";

interface PolicyRule {
  verbs?: string[] | null;
  apiGroups?: string[] | null;
  resources?: string[] | null;
  resourceNames?: string[] | null;
  nonResourceURLs?: string[] | null;
}

function isEmpty(list: readonly unknown[] | null | undefined): boolean {
  return !list || list.length === 0;
}

/**
 * The handwritten checks of one rule; a namespaced rule (a Role's) may not name non-resource URLs.
 * The empty-verbs check is declarative (see validatePolicyRules).
 */
function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isEmpty(rule.nonResourceURLs)) {
    if (namespaced)
      errors.push(
        fieldErrors.invalid(
          `${path}.nonResourceURLs`,
          rule.nonResourceURLs,
          "namespaced rules cannot apply to non-resource URLs",
        ),
      );
    if (!isEmpty(rule.apiGroups) || !isEmpty(rule.resources) || !isEmpty(rule.resourceNames))
      errors.push(
        fieldErrors.invalid(
          `${path}.nonResourceURLs`,
          rule.nonResourceURLs,
          "rules cannot apply to both regular resources and non-resource URLs",
        ),
      );
    return errors;
  }
  if (isEmpty(rule.apiGroups))
    errors.push(fieldErrors.required(`${path}.apiGroups`, "resource rules must supply at least one api group"));
  if (isEmpty(rule.resources))
    errors.push(fieldErrors.required(`${path}.resources`, "resource rules must supply at least one resource"));
  return errors;
}

/**
 * The errors of a role's rules, split as kube-apiserver reports them: the handwritten ones come
 * first, the declarative `+k8s:required` on verbs (zz_generated.validations.go, worded without
 * detail) after every handwritten check of the kind.
 */
export function policyRuleErrors(
  object: KubeObject,
  namespaced: boolean,
): { handwritten: FieldError[]; declarative: FieldError[] } {
  const rules = Array.isArray(object.rules) ? (object.rules as (PolicyRule | null)[]) : [];
  return {
    handwritten: rules.flatMap((rule, index) => validatePolicyRule(rule ?? {}, namespaced, `rules[${index}]`)),
    declarative: rules.flatMap((rule, index) =>
      isEmpty(rule?.verbs) ? [fieldErrors.required(`rules[${index}].verbs`)] : [],
    ),
  };
}
