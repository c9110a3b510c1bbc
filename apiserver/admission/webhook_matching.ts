/**
 * Whether a webhook is called for a request, as the generic webhook's ShouldCallHook decides:
 * namespaceSelector, objectSelector, then the rules (for the request's own resource, then, with
 * matchPolicy Equivalent, for another version of it, which the webhook is then called in), then
 * matchConditions. A selector or condition that cannot be evaluated fails the request only when
 * the rules match.
 */
import { selectorFromLabelSelector, type LabelSelector } from "../../apimachinery/index.js";
import { forbidden, internalError, notFound, type StatusError } from "../errors/status.js";
import type { ResourceRegistry } from "../registry/registry.js";
import type { ResourceType } from "../registry/resource_type.js";
import type { Store } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";
import type { AdmissionAttributes } from "./attributes.js";
import { evaluateMatchConditions } from "./match_conditions.js";
import { storedNamespace, type ConfiguredWebhook, type WebhookRule } from "./webhook_configurations.js";

/** A webhook to call, and the served version (resource and kind) it is called in. */
export interface WebhookInvocation {
  readonly webhook: ConfiguredWebhook;
  readonly type: ResourceType;
}

export interface MatchingDependencies {
  readonly store: Store;
  readonly registry: ResourceRegistry;
  /** The request converted to another served version of its resource. */
  convert(attributes: AdmissionAttributes, type: ResourceType): Promise<AdmissionAttributes>;
}

interface ResourceRef {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}

const isNamespaceResource = (resource: ResourceRef): boolean =>
  resource.group === "" && resource.version === "v1" && resource.resource === "namespaces";

function exactOrWildcard(items: readonly string[] | undefined, requested: string): boolean {
  return (items ?? []).some((item) => item === "*" || item === requested);
}

/** rules.Matcher: scope, operation, group, version, resource with its "resource/subresource" forms. */
export function ruleMatches(
  rule: WebhookRule,
  attributes: Pick<AdmissionAttributes, "operation" | "subresource" | "namespace">,
  resource: ResourceRef,
): boolean {
  const scope = rule.scope ?? "*";
  const namespaced = !!attributes.namespace;
  const scopeMatches =
    scope === "*" ||
    (scope === "Namespaced" && !isNamespaceResource(resource) && namespaced) ||
    (scope === "Cluster" && (isNamespaceResource(resource) || !namespaced));
  if (!scopeMatches) return false;
  if (!(rule.operations ?? []).some((operation) => operation === "*" || operation === attributes.operation))
    return false;
  if (!exactOrWildcard(rule.apiGroups, resource.group) || !exactOrWildcard(rule.apiVersions, resource.version))
    return false;
  return (rule.resources ?? []).some((entry) => {
    const slash = entry.indexOf("/");
    const ruleResource = slash < 0 ? entry : entry.slice(0, slash);
    const ruleSubresource = slash < 0 ? "" : entry.slice(slash + 1);
    return (
      (ruleResource === "*" || ruleResource === resource.resource) &&
      (ruleSubresource === "*" || ruleSubresource === attributes.subresource)
    );
  });
}

function labelsOf(object: KubeObject | undefined): Record<string, string> | undefined {
  return object?.metadata?.labels;
}

function selects(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  return selectorFromLabelSelector(selector).matches(labels);
}

function isEmptySelector(selector: LabelSelector): boolean {
  return !Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length;
}

/**
 * namespace.Matcher: the labels of the request's namespace (the object itself for a namespace
 * write); webhooks and admission policies alike.
 */
export function namespaceSelectorMatches(
  selector: LabelSelector,
  attributes: AdmissionAttributes,
  store: Store,
): boolean | StatusError {
  const namespace = attributes.namespace ?? "";
  if (!namespace && !isNamespaceResource(attributes.type)) return true;
  if (isEmptySelector(selector)) return true;
  let labels: Record<string, string> | undefined;
  const writesNamespace =
    isNamespaceResource(attributes.type) &&
    !attributes.subresource &&
    (attributes.operation === "CREATE" || attributes.operation === "UPDATE");
  if (writesNamespace) labels = labelsOf(attributes.object);
  else {
    const stored = storedNamespace(store, namespace);
    if (!stored) return notFound({ group: "", resource: "namespaces" }, namespace);
    labels = labelsOf(stored);
  }
  try {
    return selects(selector, labels);
  } catch (error) {
    return internalError(error);
  }
}

/** object.Matcher: the labels of the new or the old object. */
export function objectSelectorMatches(selector: LabelSelector, attributes: AdmissionAttributes): boolean | StatusError {
  if (isEmptySelector(selector)) return true;
  try {
    const matches = (object: KubeObject | undefined): boolean => !!object && selects(selector, labelsOf(object));
    return matches(attributes.object) || matches(attributes.oldObject);
  } catch (error) {
    return internalError(error);
  }
}

/** The served type the rules select: the request's own, or an equivalent version (matchPolicy Equivalent). */
function matchingType(
  webhook: ConfiguredWebhook,
  attributes: AdmissionAttributes,
  registry: ResourceRegistry,
): ResourceType | undefined {
  const { rules, matchPolicy } = webhook.spec;
  if (rules.some((rule) => ruleMatches(rule, attributes, attributes.type))) return attributes.type;
  if (matchPolicy !== "Equivalent") return undefined;
  const equivalents = registry
    .typesOfCollection(attributes.type.collection)
    .filter((type) => type !== attributes.type && (!attributes.subresource || hasSubresource(type, attributes)));
  for (const rule of rules) {
    const equivalent = equivalents.find((type) => ruleMatches(rule, attributes, type));
    if (equivalent) return equivalent;
  }
  return undefined;
}

function hasSubresource(type: ResourceType, attributes: AdmissionAttributes): boolean {
  if (attributes.subresource === "status") return type.statusSubresource;
  if (attributes.subresource === "scale") return type.scale !== undefined;
  return true;
}

/**
 * The invocation of `webhook` for the request, undefined when it is not called; a selector or
 * condition error for a webhook whose rules match is thrown.
 */
export async function shouldCallWebhook(
  webhook: ConfiguredWebhook,
  attributes: AdmissionAttributes,
  dependencies: MatchingDependencies,
): Promise<WebhookInvocation | undefined> {
  const namespaceMatch = namespaceSelectorMatches(webhook.spec.namespaceSelector, attributes, dependencies.store);
  if (namespaceMatch === false) return undefined;
  const objectMatch = objectSelectorMatches(webhook.spec.objectSelector, attributes);
  if (objectMatch === false) return undefined;
  const type = matchingType(webhook, attributes, dependencies.registry);
  if (!type) return undefined;
  if (namespaceMatch !== true) throw namespaceMatch;
  if (objectMatch !== true) throw objectMatch;
  if (webhook.spec.matchConditions.length) {
    const versioned = type === attributes.type ? attributes : await dependencies.convert(attributes, type);
    const result = evaluateMatchConditions(webhook.spec, versioned, type);
    if (result instanceof Error) {
      throw forbidden(
        { group: attributes.type.group, resource: attributes.type.resource },
        attributes.name,
        result.message,
      );
    }
    if (!result) return undefined;
  }
  return { webhook, type };
}
