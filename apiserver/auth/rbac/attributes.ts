/**
 * What an authorizer is asked about one request (k8s.io/apiserver's authorizer.Attributes), and
 * the message kube-apiserver's Forbidden responder words a refusal with.
 */
import type { UserInfo } from "../user.js";
import type { PolicyRule } from "./policy_rule.js";

export interface AuthorizationAttributes {
  /** get, list, watch, create, update, patch, delete, deletecollection, or any other (bind, escalate, impersonate...); the lowercase method for paths. */
  readonly verb: string;
  readonly apiGroup: string;
  /** "" for a non-resource request. */
  readonly apiVersion?: string;
  readonly resource: string;
  readonly subresource: string;
  /** "" when cluster-scoped or not a resource request. */
  readonly namespace: string;
  readonly name: string;
  /** The request's path, for non-resource requests. */
  readonly path: string;
  readonly resourceRequest: boolean;
}

/** The authorizer's answer: the reason is what a 403 appends after the forbidden message (may be ""). */
export interface AuthorizationDecision {
  readonly allowed: boolean;
  readonly reason: string;
}

export interface Authorizer {
  authorize(user: UserInfo, attributes: AuthorizationAttributes): AuthorizationDecision;
  /** The rules that apply to `user` in `namespace` (RuleResolver.RulesFor), and the resolution error if any. */
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; error: string };
  /** The rules a binding's roleRef points at (GetRoleReferenceRules), undefined when the role is missing. */
  roleRules(roleRef: { kind?: string; name?: string }, bindingNamespace: string): PolicyRule[] | undefined;
}

/** responsewriters.forbiddenMessage: what `user` cannot do. */
export function forbiddenMessage(user: UserInfo, attributes: AuthorizationAttributes): string {
  const username = JSON.stringify(user.username);
  if (!attributes.resourceRequest)
    return `User ${username} cannot ${attributes.verb} path ${JSON.stringify(attributes.path)}`;
  const resource = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : attributes.resource;
  const scope = attributes.namespace
    ? `in the namespace ${JSON.stringify(attributes.namespace)}`
    : "at the cluster scope";
  return `User ${username} cannot ${attributes.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attributes.apiGroup)} ${scope}`;
}
