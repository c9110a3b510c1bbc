/**
 * What authentication needs of authorization: the impersonation checks ask an authorizer, and a
 * refusal is responsewriters.ForbiddenStatusError. The shapes are the rbac branch's contract
 * (apiserver/auth/rbac/authorizer.ts); until its authorizer is wired in, only kube-apiserver's
 * privileged group, system:masters, is allowed anything.
 */
import { StatusError, qualifiedResource } from "../errors/status.js";
import type { UserInfo } from "./user.js";

export interface AuthorizationAttributes {
  readonly verb: string;
  readonly apiGroup: string;
  readonly apiVersion?: string;
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
  readonly path: string;
  readonly resourceRequest: boolean;
}

export interface AuthorizationDecision {
  readonly allowed: boolean;
  readonly reason: string;
}

export interface Authorizer {
  authorize(user: UserInfo, attributes: AuthorizationAttributes): AuthorizationDecision;
}

/** The privileged-group authorizer alone: system:masters may do anything, no one else anything. */
export const mastersOnlyAuthorizer: Authorizer = {
  authorize: (user) => ({ allowed: user.groups.includes("system:masters"), reason: "" }),
};

/** responsewriters.forbiddenMessage. */
function forbiddenMessage(user: UserInfo, attributes: AuthorizationAttributes): string {
  const username = JSON.stringify(user.username);
  if (!attributes.resourceRequest)
    return `User ${username} cannot ${attributes.verb} path ${JSON.stringify(attributes.path)}`;
  const resource = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : attributes.resource;
  const scope = attributes.namespace
    ? `in the namespace ${JSON.stringify(attributes.namespace)}`
    : "at the cluster scope";
  return `User ${username} cannot ${attributes.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attributes.apiGroup)} ${scope}`;
}

/** responsewriters.ForbiddenStatusError: apierrors.NewForbidden of the attributes' resource and name. */
export function impersonationDenied(user: UserInfo, attributes: AuthorizationAttributes, reason: string): StatusError {
  const why = reason ? `${forbiddenMessage(user, attributes)}: ${reason}` : forbiddenMessage(user, attributes);
  const gr = { group: attributes.apiGroup, resource: attributes.resource };
  const subject =
    !gr.group && !gr.resource
      ? ""
      : attributes.name
        ? `${qualifiedResource(gr)} "${attributes.name}" is `
        : `${qualifiedResource(gr)} is `;
  const details = {
    ...(attributes.name ? { name: attributes.name } : {}),
    ...(gr.group ? { group: gr.group } : {}),
    ...(gr.resource ? { kind: gr.resource } : {}),
  };
  return new StatusError(403, "Forbidden", `${subject}forbidden: ${why}`, details);
}
