/**
 * Rule resolution as pkg/registry/rbac/validation's DefaultRuleResolver: the rules of every
 * ClusterRoleBinding naming the user, then of every RoleBinding in the request's namespace, each
 * with the binding it came from; a binding whose role is missing is a resolution error.
 */
import type { UserInfo } from "../user.js";
import { subjectFor, userKeys, type Binding, type PolicySnapshot, type RoleRef, type Subject } from "./policy_index.js";
import type { PolicyRule } from "./policy_rule.js";

/** Where a rule comes from: the binding and its subject that names the user. */
export interface RuleSource {
  readonly binding: Binding;
  readonly subject: Subject;
}

/** Visits one rule (with its source) or one error; false stops the walk. */
export type RuleVisitor = (source: RuleSource | undefined, rule: PolicyRule | undefined, error?: string) => boolean;

/** describeSubject: a service account is named `name/namespace`. */
function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === "ServiceAccount")
    return `${subject.kind} ${JSON.stringify(`${subject.name ?? ""}/${subject.namespace || bindingNamespace}`)}`;
  return `${subject.kind ?? ""} ${JSON.stringify(subject.name ?? "")}`;
}

/** The binding as the RBAC authorizer's "allowed by" reason names it. */
export function describeSource({ binding, subject }: RuleSource): string {
  const ref = `${binding.roleRef.kind ?? ""} ${JSON.stringify(binding.roleRef.name ?? "")}`;
  if (!binding.namespace)
    return `ClusterRoleBinding ${JSON.stringify(binding.name)} of ${ref} to ${describeSubject(subject, "")}`;
  return `RoleBinding ${JSON.stringify(`${binding.name}/${binding.namespace}`)} of ${ref} to ${describeSubject(subject, binding.namespace)}`;
}

/**
 * GetRoleReferenceRules: the rules `roleRef` points at, or the lister's not-found message
 * (`clusterrole.rbac.authorization.k8s.io "x" not found`).
 */
export function roleReferenceRules(
  policy: PolicySnapshot,
  roleRef: RoleRef,
  bindingNamespace: string,
): { rules: PolicyRule[] } | { error: string } {
  let rules: PolicyRule[] | undefined;
  switch (roleRef.kind) {
    case "Role":
      rules = policy.roles.get(`${bindingNamespace}/${roleRef.name ?? ""}`);
      if (!rules) return { error: `role.rbac.authorization.k8s.io ${JSON.stringify(roleRef.name ?? "")} not found` };
      break;
    case "ClusterRole":
      rules = policy.clusterRoles.get(roleRef.name ?? "");
      if (!rules)
        return { error: `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(roleRef.name ?? "")} not found` };
      break;
    default:
      return { error: `unsupported role reference kind: ${JSON.stringify(roleRef.kind ?? "")}` };
  }
  return { rules };
}

function visitBindings(
  policy: PolicySnapshot,
  keys: readonly string[],
  bindings: Binding[],
  visitor: RuleVisitor,
): boolean {
  for (const binding of bindings) {
    const subject = subjectFor(binding, keys);
    if (!subject) continue;
    const resolved = roleReferenceRules(policy, binding.roleRef, binding.namespace);
    if ("error" in resolved) {
      if (!visitor(undefined, undefined, resolved.error)) return false;
      continue;
    }
    const source = { binding, subject };
    for (const rule of resolved.rules) if (!visitor(source, rule)) return false;
  }
  return true;
}

/** VisitRulesFor: the rules that apply to `user` in `namespace` ("" for cluster-wide only). */
export function visitRulesFor(policy: PolicySnapshot, user: UserInfo, namespace: string, visitor: RuleVisitor): void {
  const keys = userKeys(user);
  if (!visitBindings(policy, keys, policy.clusterBindingsFor(keys), visitor)) return;
  if (namespace) visitBindings(policy, keys, policy.roleBindingsFor(keys, namespace), visitor);
}

/** RulesFor: every rule that applies, and the resolution errors met on the way. */
export function rulesFor(
  policy: PolicySnapshot,
  user: UserInfo,
  namespace: string,
): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(policy, user, namespace, (_source, rule, error) => {
    if (rule) rules.push(rule);
    if (error) errors.push(error);
    return true;
  });
  return { rules, errors };
}

/** utilerrors.NewAggregate(errors).Error(): one message alone, several in brackets. */
export function aggregateMessage(errors: readonly string[]): string {
  return errors.length === 1 ? (errors[0] ?? "") : `[${errors.join(", ")}]`;
}
