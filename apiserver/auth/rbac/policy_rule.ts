/**
 * One RBAC PolicyRule and how a request is matched against it, as k8s.io/kubernetes's
 * pkg/apis/rbac/v1/evaluation_helpers.go and the RBAC authorizer's RuleAllows decide it.
 */
import type { AuthorizationAttributes } from "./attributes.js";

/** rbac/v1 PolicyRule as stored (every list optional). */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

function hasOrAll(values: readonly string[] | undefined, wanted: string): boolean {
  return values?.some((value) => value === "*" || value === wanted) ?? false;
}

/** ResourceMatches: `*`, the exact `resource/subresource`, or `*` followed by `/subresource`. */
function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (
    rule.resources?.some(
      (resource) =>
        resource === "*" ||
        resource === combined ||
        (subresource !== "" && resource.length === subresource.length + 2 && resource === `*/${subresource}`),
    ) ?? false
  );
}

function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  return !rule.resourceNames?.length || rule.resourceNames.includes(name);
}

/** NonResourceURLMatches: `*`, the exact path, or a prefix ending in `*`. */
export function nonResourceUrlCovers(ruleUrl: string, path: string): boolean {
  if (ruleUrl === "*" || ruleUrl === path) return true;
  return ruleUrl.endsWith("*") && path.startsWith(ruleUrl.replace(/\*+$/, ""));
}

/** RuleAllows: whether `rule` grants the request described by `attributes`. */
export function ruleAllows(attributes: AuthorizationAttributes, rule: PolicyRule): boolean {
  if (!hasOrAll(rule.verbs, attributes.verb)) return false;
  if (!attributes.resourceRequest)
    return rule.nonResourceURLs?.some((url) => nonResourceUrlCovers(url, attributes.path)) ?? false;
  const combined = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : attributes.resource;
  return (
    hasOrAll(rule.apiGroups, attributes.apiGroup) &&
    resourceMatches(rule, combined, attributes.subresource) &&
    resourceNameMatches(rule, attributes.name)
  );
}
