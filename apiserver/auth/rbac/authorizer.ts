/**
 * The local server's authorizer, as kube-apiserver's with --authorization-mode=RBAC: the
 * privileged group system:masters may do anything (authorizerfactory's privileged-groups
 * authorizer, first in the union), everyone else what the stored RBAC policy grants
 * (plugin/pkg/auth/authorizer/rbac).
 */
import type { Store } from "../../storage/store.js";
import type { UserInfo } from "../user.js";
import type { AuthorizationAttributes, AuthorizationDecision, Authorizer } from "./attributes.js";
import { PolicyIndex } from "./policy_index.js";
import { ruleAllows } from "./policy_rule.js";
import type { PolicyRule } from "./policy_rule.js";
import {
  aggregateMessage,
  describeSource,
  roleReferenceRules,
  rulesFor,
  visitRulesFor,
  type RuleSource,
} from "./rule_resolver.js";

export type { AuthorizationAttributes, AuthorizationDecision, Authorizer } from "./attributes.js";
export { forbiddenMessage } from "./attributes.js";

export const privilegedGroup = "system:masters";

export function isPrivileged(user: UserInfo): boolean {
  return user.groups.includes(privilegedGroup);
}

export class RbacAuthorizer implements Authorizer {
  readonly policy: PolicyIndex;

  constructor(store: Store) {
    this.policy = new PolicyIndex(store);
  }

  authorize(user: UserInfo, attributes: AuthorizationAttributes): AuthorizationDecision {
    if (isPrivileged(user)) return { allowed: true, reason: "" };
    let allowedBy: RuleSource | undefined;
    const errors: string[] = [];
    visitRulesFor(this.policy.snapshot(), user, attributes.namespace, (source, rule, error) => {
      if (rule && source && ruleAllows(attributes, rule)) {
        allowedBy = source;
        return false;
      }
      if (error) errors.push(error);
      return true;
    });
    if (allowedBy) return { allowed: true, reason: `RBAC: allowed by ${describeSource(allowedBy)}` };
    // The authorizer union names the authorizer of each reason it passes on (reload.go).
    return { allowed: false, reason: errors.length ? `rbac: RBAC: ${aggregateMessage(errors)}` : "" };
  }

  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; error: string } {
    const { rules, errors } = rulesFor(this.policy.snapshot(), user, namespace);
    return { rules, error: errors.length ? aggregateMessage(errors) : "" };
  }

  roleRules(roleRef: { kind?: string; name?: string }, bindingNamespace: string): PolicyRule[] | undefined {
    const resolved = roleReferenceRules(this.policy.snapshot(), roleRef, bindingNamespace);
    return "rules" in resolved ? resolved.rules : undefined;
  }

  stop(): void {
    this.policy.stop();
  }
}
