/**
 * RBAC assembly: `+kubebuilder:rbac` markers → the manager's ClusterRole (rules without a
 * namespace) and one Role per namespace, rules normalised, merged and sorted as controller-gen's
 * `rbac.GenerateRoles` does: one rule per resource, rules with the same key merge their verbs,
 * then rules differing only in resources merge, then only in groups, then only in URLs,
 * everything deduplicated and sorted, "core" written as "".
 */
import type { MarkerInstance } from "../markers/registry.js";
import type { PolicyRule, RbacRole } from "./types.js";

interface Rule {
  groups: string[];
  resources: string[];
  resourceNames: string[];
  urls: string[];
  verbs: string[];
  namespace: string;
}

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort();
const keyOf = (rule: Rule) =>
  [rule.groups, rule.resources, rule.resourceNames, rule.urls].map((part) => sortedUnique(part).join("&"));
// controller-gen sorts by the key's String(): "groups + resources + resourceNames + urls".
const sortKey = (rule: Rule) => keyOf(rule).join(" + ");

/** The Role objects for `markers`: the ClusterRole first, then Roles by namespace. */
export function assembleRoles(markers: readonly MarkerInstance[], roleName = "manager-role"): RbacRole[] {
  const byNamespace = new Map<string, Rule[]>();
  for (const marker of markers) {
    if (marker.definition.name !== "kubebuilder:rbac") continue;
    const list = (name: string) => (marker.value[name] as string[] | undefined) ?? [];
    const namespace = (marker.value["namespace"] as string | undefined) ?? "";
    const base = {
      groups: list("groups"),
      resourceNames: list("resourceNames"),
      urls: list("urls"),
      verbs: list("verbs"),
      namespace,
    };
    const resources = list("resources");
    const rules = byNamespace.get(namespace) ?? [];
    if (resources.length === 0) rules.push({ ...base, resources: [] });
    for (const resource of resources) rules.push({ ...base, resources: [resource] });
    byNamespace.set(namespace, rules);
  }
  return [...byNamespace.keys()].sort().map((namespace): RbacRole => {
    const apiVersion = "rbac.authorization.k8s.io/v1";
    const rules = normalizeRules(byNamespace.get(namespace) ?? []);
    return namespace === ""
      ? { apiVersion, kind: "ClusterRole", metadata: { name: roleName }, rules }
      : { apiVersion, kind: "Role", metadata: { name: roleName, namespace }, rules };
  });
}

/** controller-gen's NormalizeRules. */
export function normalizeRules(input: readonly Rule[]): PolicyRule[] {
  let rules = new Map<string, Rule>();
  for (const original of input) {
    const rule = { ...original, groups: original.groups.map((group) => (group === "core" ? "" : group)) };
    const key = keyOf(rule).join("|");
    const existing = rules.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...rule.verbs];
    else rules.set(key, rule);
  }
  rules = mergeOn(
    rules,
    (rule) => [rule.groups, rule.resourceNames, rule.urls, rule.verbs],
    (into, from) => void into.resources.push(...from.resources),
  );
  rules = mergeOn(
    rules,
    (rule) => [rule.resources, rule.resourceNames, rule.urls, rule.verbs],
    (into, from) => void into.groups.push(...from.groups),
  );
  rules = mergeOn(
    rules,
    (rule) => [rule.groups, rule.resources, rule.resourceNames, rule.verbs],
    (into, from) => void into.urls.push(...from.urls),
  );
  return [...rules.values()]
    .map((rule) => ({ rule, key: sortKey(rule) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ rule }) => toPolicyRule(rule));
}

/** Merges rules whose `partsOf` are equal, keyed again by the full key afterwards. */
function mergeOn(
  rules: Map<string, Rule>,
  partsOf: (rule: Rule) => string[][],
  merge: (into: Rule, from: Rule) => void,
): Map<string, Rule> {
  const groups = new Map<string, Rule[]>();
  for (const rule of rules.values()) {
    const key = partsOf(rule)
      .map((part) => sortedUnique(part).join("&"))
      .join("|");
    groups.set(key, [
      ...(groups.get(key) ?? []),
      { ...rule, groups: [...rule.groups], resources: [...rule.resources], urls: [...rule.urls] },
    ]);
  }
  const merged = new Map<string, Rule>();
  for (const members of groups.values()) {
    const [into, ...rest] = members as [Rule, ...Rule[]];
    for (const from of rest) merge(into, from);
    merged.set(keyOf(into).join("|"), into);
  }
  return merged;
}

function toPolicyRule(rule: Rule): PolicyRule {
  const verbs = sortedUnique(rule.verbs);
  const policy: PolicyRule = { verbs: verbs.includes("*") ? ["*"] : verbs };
  const groups = sortedUnique(rule.groups);
  const resources = sortedUnique(rule.resources);
  const resourceNames = sortedUnique(rule.resourceNames);
  const urls = sortedUnique(rule.urls);
  // controller-gen keeps an empty group list as "apiGroups: [\"\"]" only when "core" or "" was given
  if (rule.groups.length > 0) policy.apiGroups = groups;
  if (resources.length > 0) policy.resources = resources;
  if (resourceNames.length > 0) policy.resourceNames = resourceNames;
  if (urls.length > 0) policy.nonResourceURLs = urls;
  return policy;
}
