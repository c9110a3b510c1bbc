/**
 * Which requests a policy's matchConstraints or a binding's matchResources select
 * (k8s.io/apiserver/pkg/admission/plugin/policy/matching and the webhook predicates it uses):
 * namespaceSelector, objectSelector, resourceRules, excludeResourceRules and matchPolicy.
 *
 * Errors: a namespace that does not exist is a thrown NotFound StatusError, as the namespace
 * matcher returns it; an unparseable selector is an Error the caller turns into a configuration error.
 */
import { selectorFromLabelSelector, type LabelSelector } from "../../../apimachinery/index.js";
import { notFound } from "../../errors/status.js";
import type { MatchResources } from "../../registry/admissionregistration/match_resources.js";
import type { RuleWithOperations } from "../../registry/admissionregistration/rules.js";
import type { ResourceType } from "../../registry/resource_type.js";
import type { KubeObject } from "../../storage/types.js";
import type { AdmissionAttributes } from "../attributes.js";

export interface MatchingContext {
  readonly attributes: AdmissionAttributes;
  /** The namespace object of `name`, or undefined when there is none. */
  namespace(name: string): KubeObject | undefined;
  /** Other served versions of the request's resource, for matchPolicy Equivalent. */
  equivalents(type: ResourceType): readonly ResourceType[];
}

type NamedRule = RuleWithOperations;

function exactOrWildcard(items: readonly string[] | null | undefined, requested: string): boolean {
  return (items ?? []).some((item) => item === "*" || item === requested);
}

function isNamespacesResource(type: ResourceType): boolean {
  return type.group === "" && type.version === "v1" && type.resource === "namespaces";
}

/** rules.Matcher.Matches for the request seen as `type`. */
function ruleMatches(rule: NamedRule, attributes: AdmissionAttributes, type: ResourceType): boolean {
  const scope = rule.scope ?? "*";
  const clusterScoped = isNamespacesResource(type) || !attributes.namespace;
  if (scope === "Namespaced" && clusterScoped) return false;
  if (scope === "Cluster" && !clusterScoped) return false;
  if (scope !== "*" && scope !== "Namespaced" && scope !== "Cluster") return false;
  if (!(rule.operations ?? []).some((operation) => operation === "*" || operation === attributes.operation))
    return false;
  if (!exactOrWildcard(rule.apiGroups, type.group) || !exactOrWildcard(rule.apiVersions, type.version)) return false;
  return (rule.resources ?? []).some((entry) => {
    const [resource, subresource = ""] = entry.split(/\/(.*)/s) as [string, string?];
    return (
      (resource === "*" || resource === type.resource) &&
      (subresource === "*" || subresource === attributes.subresource)
    );
  });
}

function nameMatches(rule: NamedRule, name: string): boolean {
  return !rule.resourceNames?.length || rule.resourceNames.includes(name);
}

/** matchesResourceRules: the type the request matched as, or undefined. */
function matchRules(
  rules: readonly (NamedRule | null)[],
  matchPolicy: string | null | undefined,
  context: MatchingContext,
): ResourceType | undefined {
  const { attributes } = context;
  const present = rules.filter((rule): rule is NamedRule => rule !== null);
  for (const rule of present)
    if (ruleMatches(rule, attributes, attributes.type) && nameMatches(rule, attributes.name)) return attributes.type;
  if (!matchPolicy || matchPolicy === "Exact") return undefined;
  for (const rule of present)
    for (const equivalent of context.equivalents(attributes.type))
      if (ruleMatches(rule, attributes, equivalent) && nameMatches(rule, attributes.name)) return equivalent;
  return undefined;
}

function labelsOf(object: KubeObject | undefined): Record<string, string> | undefined {
  return object?.metadata?.labels ?? undefined;
}

/** MatchNamespaceSelector: true when the request is cluster-scoped or its namespace's labels match. */
function namespaceSelectorMatches(selector: LabelSelector, context: MatchingContext): boolean {
  const { attributes } = context;
  const isNamespace = attributes.type.group === "" && attributes.type.resource === "namespaces";
  if (!attributes.namespace && !isNamespace) return true;
  const parsed = selectorFromLabelSelector(selector);
  if (parsed.empty) return true;
  if (
    isNamespace &&
    !attributes.subresource &&
    (attributes.operation === "CREATE" || attributes.operation === "UPDATE")
  )
    return parsed.matches(labelsOf(attributes.object));
  const name = attributes.namespace ?? "";
  const namespace = context.namespace(name);
  if (!namespace) throw notFound({ group: "", resource: "namespaces" }, name);
  return parsed.matches(labelsOf(namespace));
}

/** MatchObjectSelector: the new or the old object's labels match. */
function objectSelectorMatches(selector: LabelSelector, attributes: AdmissionAttributes): boolean {
  const parsed = selectorFromLabelSelector(selector);
  if (parsed.empty) return true;
  const matches = (object: KubeObject | undefined) => object !== undefined && parsed.matches(labelsOf(object));
  return matches(attributes.object) || matches(attributes.oldObject);
}

/**
 * Matcher.Matches: the type the request matched as (its own, or an equivalent version's), or
 * undefined when the criteria do not select it. Selectors are checked first but their errors
 * only count when the rules match, as kube-apiserver orders them.
 */
export function matchCriteria(match: MatchResources, context: MatchingContext): ResourceType | undefined {
  if (match.namespaceSelector === undefined || match.namespaceSelector === null)
    throw new Error("a nil namespace selector was supplied");
  if (match.objectSelector === undefined || match.objectSelector === null)
    throw new Error("a nil object selector was supplied");
  let namespaceError: unknown;
  let namespaceMatches = true;
  try {
    namespaceMatches = namespaceSelectorMatches(match.namespaceSelector as LabelSelector, context);
  } catch (error) {
    namespaceError = error;
  }
  if (!namespaceMatches) return undefined;
  if (!objectSelectorMatches(match.objectSelector as LabelSelector, context.attributes)) return undefined;
  if (matchRules((match.excludeResourceRules ?? []) as (NamedRule | null)[], match.matchPolicy, context))
    return undefined;
  const matched = match.resourceRules?.length
    ? matchRules(match.resourceRules as (NamedRule | null)[], match.matchPolicy, context)
    : context.attributes.type;
  if (!matched) return undefined;
  if (namespaceError !== undefined) throw namespaceError;
  return matched;
}
