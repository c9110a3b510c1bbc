/**
 * Which requests a policy's matchConstraints or a binding's matchResources select
 * (k8s.io/apiserver/pkg/admission/plugin/policy/matching): namespaceSelector and objectSelector,
 * then excludeResourceRules, resourceRules with their resourceNames, and matchPolicy, on the
 * webhook predicates both kinds of admission share (../webhook_matching.ts).
 *
 * Errors: a namespace that does not exist is a thrown NotFound StatusError, as the namespace
 * matcher returns it; a missing selector is an Error the caller reports as a configuration error.
 */
import type { LabelSelector } from "../../../apimachinery/index.js";
import type { MatchResources } from "../../registry/admissionregistration/match_resources.js";
import type { RuleWithOperations } from "../../registry/admissionregistration/rules.js";
import type { ResourceRegistry } from "../../registry/registry.js";
import type { ResourceType } from "../../registry/resource_type.js";
import type { Store } from "../../storage/store.js";
import type { AdmissionAttributes } from "../attributes.js";
import { namespaceSelectorMatches, objectSelectorMatches, ruleMatches } from "../webhook_matching.js";

export interface MatchingContext {
  readonly attributes: AdmissionAttributes;
  readonly store: Store;
  readonly registry: ResourceRegistry;
}

/** One rule as the predicates take it, what the server stored (nulls included) read as absent. */
function matches(rule: RuleWithOperations, attributes: AdmissionAttributes, type: ResourceType): boolean {
  const webhookRule = {
    operations: rule.operations ?? [],
    apiGroups: rule.apiGroups ?? [],
    apiVersions: rule.apiVersions ?? [],
    resources: rule.resources ?? [],
    scope: rule.scope ?? "*",
  };
  if (!ruleMatches(webhookRule, attributes, type)) return false;
  return !rule.resourceNames?.length || rule.resourceNames.includes(attributes.name);
}

/** matchesResourceRules: the type the request matched as (its own or an equivalent version's), or undefined. */
function matchRules(
  rules: readonly (RuleWithOperations | null)[],
  matchPolicy: string | null | undefined,
  { attributes, registry }: MatchingContext,
): ResourceType | undefined {
  const present = rules.filter((rule): rule is RuleWithOperations => rule !== null);
  if (present.some((rule) => matches(rule, attributes, attributes.type))) return attributes.type;
  if (!matchPolicy || matchPolicy === "Exact") return undefined;
  const equivalents = registry.typesOfCollection(attributes.type.collection).filter((type) => type !== attributes.type);
  for (const rule of present)
    for (const equivalent of equivalents) if (matches(rule, attributes, equivalent)) return equivalent;
  return undefined;
}

const nilSelector = (which: string) =>
  `a nil ${which} selector was passed, please ensure selectors are initialized properly`;

/**
 * Matcher.Matches: the type the request matched as, or undefined when the criteria do not select
 * it. Selectors are checked first but their errors only count when the rules match.
 */
export function matchCriteria(match: MatchResources, context: MatchingContext): ResourceType | undefined {
  if (match.namespaceSelector === undefined || match.namespaceSelector === null)
    throw new Error(nilSelector("namespace"));
  if (match.objectSelector === undefined || match.objectSelector === null) throw new Error(nilSelector("object"));
  const { attributes } = context;
  const namespaceMatch = namespaceSelectorMatches(match.namespaceSelector as LabelSelector, attributes, context.store);
  if (namespaceMatch === false) return undefined;
  const objectMatch = objectSelectorMatches(match.objectSelector as LabelSelector, attributes);
  if (objectMatch === false) return undefined;
  if (matchRules(match.excludeResourceRules ?? [], match.matchPolicy, context)) return undefined;
  const matched = match.resourceRules?.length
    ? matchRules(match.resourceRules, match.matchPolicy, context)
    : attributes.type;
  if (!matched) return undefined;
  if (namespaceMatch !== true) throw namespaceMatch;
  if (objectMatch !== true) throw objectMatch;
  return matched;
}
