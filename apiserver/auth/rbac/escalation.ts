/**
 * Escalation prevention on RBAC writes (pkg/registry/rbac/{role,clusterrole,rolebinding,
 * clusterrolebinding}/policybased and validation.ConfirmNoEscalation): outside system:masters, a
 * Role or ClusterRole may only grant what the writer holds (or the writer may `escalate` it), and a
 * binding may only point at a role whose rules the writer holds (or the writer may `bind` it).
 * Checked before the kind's validation, as the policy-based storage wraps the generic store.
 */
import { forbidden, notFound, type StatusError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import type { UserInfo } from "../user.js";
import type { Authorizer } from "./attributes.js";
import { isPrivileged } from "./authorizer.js";
import { rbacGroup, rulesOf, type RoleRef } from "./policy_index.js";
import { nonResourceUrlCovers, type PolicyRule } from "./policy_rule.js";

/** Go's %q of a []string: `["a" "b"]`. */
function quotedList(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(" ")}]`;
}

/** BreakdownRule: one rule per group × resource × verb (× name), and per URL × verb. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs ?? []) {
        if (rule.resourceNames?.length)
          for (const name of rule.resourceNames)
            rules.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else rules.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
  for (const url of rule.nonResourceURLs ?? [])
    for (const verb of rule.verbs ?? []) rules.push({ nonResourceURLs: [url], verbs: [verb] });
  return rules;
}

const hasAll = (set: readonly string[] | undefined, wanted: readonly string[] | undefined) =>
  (wanted ?? []).every((value) => set?.includes(value));

function resourcesCovered(owner: readonly string[] | undefined, wanted: readonly string[] | undefined): boolean {
  if (owner?.includes("*") || hasAll(owner, wanted)) return true;
  return (wanted ?? []).every((path) => {
    if (owner?.includes(path)) return true;
    const slash = path.indexOf("/");
    return slash >= 0 && (owner?.includes(`*/${path.slice(slash + 1)}`) ?? false);
  });
}

/** ruleCovers (component-helpers/auth/rbac/validation). */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = owner.verbs?.includes("*") || hasAll(owner.verbs, sub.verbs);
  const groups = owner.apiGroups?.includes("*") || hasAll(owner.apiGroups, sub.apiGroups);
  const urls = (sub.nonResourceURLs ?? []).every((path) =>
    (owner.nonResourceURLs ?? []).some((url) => nonResourceUrlCovers(url, path)),
  );
  const names =
    !owner.resourceNames?.length || (!!sub.resourceNames?.length && hasAll(owner.resourceNames, sub.resourceNames));
  return Boolean(verbs && groups && resourcesCovered(owner.resources, sub.resources) && urls && names);
}

/** CompactString: `{APIGroups:["apps"], Resources:["pods"], Verbs:["get"]}`. */
function compactString(rule: PolicyRule): string {
  const parts: string[] = [];
  if (rule.apiGroups?.length) parts.push(`APIGroups:${quotedList(rule.apiGroups)}`);
  if (rule.resources?.length) parts.push(`Resources:${quotedList(rule.resources)}`);
  if (rule.nonResourceURLs?.length) parts.push(`NonResourceURLs:${quotedList(rule.nonResourceURLs)}`);
  if (rule.resourceNames?.length) parts.push(`ResourceNames:${quotedList(rule.resourceNames)}`);
  if (rule.verbs?.length) parts.push(`Verbs:${quotedList(rule.verbs)}`);
  return `{${parts.join(", ")}}`;
}

/** CompactRules: single-resource rules of one group, resource and name merge their verbs. */
function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple =
      (rule.resourceNames?.length ?? 0) <= 1 &&
      !rule.nonResourceURLs?.length &&
      rule.apiGroups?.length === 1 &&
      rule.resources?.length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...(existing.verbs ?? []), ...(rule.verbs ?? [])];
    else simple.set(key, { ...rule, verbs: [...(rule.verbs ?? [])] });
  }
  return [...compacted, ...simple.values()];
}

/** ConfirmNoEscalation: the message of the rules `user` would grant without holding them, or undefined. */
function escalation(
  authorizer: Authorizer,
  user: UserInfo,
  namespace: string,
  rules: readonly PolicyRule[],
): string | undefined {
  const { rules: owned, error } = authorizer.rulesFor(user, namespace);
  const missing = rules.flatMap(breakdown).filter((sub) => !owned.some((owner) => ruleCovers(owner, sub)));
  if (!missing.length) return undefined;
  const descriptions = [...new Set(compactRules(missing).map(compactString))].sort();
  let message = `user ${JSON.stringify(user.username)} (groups=${quotedList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${descriptions.join("\n")}`;
  if (error) message += `; resolution errors: [${error}]`;
  return message;
}

function allowedTo(
  authorizer: Authorizer,
  user: UserInfo,
  verb: string,
  resource: string,
  namespace: string,
  name: string,
): boolean {
  return authorizer.authorize(user, {
    verb,
    apiGroup: rbacGroup,
    apiVersion: "*",
    resource,
    subresource: "",
    namespace,
    name,
    path: "",
    resourceRequest: true,
  }).allowed;
}

/** IsOnlyMutatingGCFields: an update that changes only owner references and finalizers. */
function onlyGcFields(object: KubeObject, old: KubeObject | undefined): boolean {
  if (!old) return false;
  const strip = (value: KubeObject) => {
    const { ownerReferences: _owners, finalizers: _finalizers, managedFields: _fields, ...meta } = value.metadata;
    return JSON.stringify({ ...value, metadata: meta });
  };
  return strip(object) === strip(old);
}

const fullAuthority: PolicyRule[] = [
  { verbs: ["*"], apiGroups: ["*"], resources: ["*"] },
  { verbs: ["*"], nonResourceURLs: ["*"] },
];

/**
 * Refuses an RBAC write by `user` that would escalate privileges.
 * @throws StatusError 403 naming the rules not held, or 404 for a binding's missing role
 */
export function checkRbacWrite(
  authorizer: Authorizer,
  user: UserInfo | undefined,
  resource: string,
  object: KubeObject,
  old: KubeObject | undefined,
): void {
  if (!user || isPrivileged(user) || onlyGcFields(object, old)) return;
  const namespace = object.metadata.namespace ?? "";
  const name = object.metadata.name ?? "";
  const refuse = (why: string): StatusError => forbidden({ group: rbacGroup, resource }, name, why);
  if (resource === "roles" || resource === "clusterroles") {
    if (allowedTo(authorizer, user, "escalate", resource, namespace, name)) return;
    const why = escalation(authorizer, user, namespace, rulesOf(object));
    if (why) throw refuse(why);
    const aggregates = (value: KubeObject | undefined) =>
      Boolean(
        (value?.aggregationRule as { clusterRoleSelectors?: unknown[] } | undefined)?.clusterRoleSelectors?.length,
      );
    if (
      resource === "clusterroles" &&
      (aggregates(object) || aggregates(old)) &&
      escalation(authorizer, user, namespace, fullAuthority)
    )
      throw refuse("must have cluster-admin privileges to use the aggregationRule");
    return;
  }
  if (resource !== "rolebindings" && resource !== "clusterrolebindings") return;
  const roleRef = (object.roleRef ?? {}) as RoleRef;
  const roleResource = roleRef.kind === "Role" ? "roles" : roleRef.kind === "ClusterRole" ? "clusterroles" : undefined;
  if (roleResource && allowedTo(authorizer, user, "bind", roleResource, namespace, roleRef.name ?? "")) return;
  const rules = authorizer.roleRules(roleRef, namespace);
  if (rules === undefined) {
    // An unsupported kind is left to validation. A missing role is reported, as kube-apiserver's
    // store reports it, as the binding's resource with the role's name.
    if (!roleResource) return;
    throw notFound({ group: rbacGroup, resource }, roleRef.name ?? "");
  }
  const why = escalation(authorizer, user, namespace, rules);
  if (why) throw refuse(why);
}
