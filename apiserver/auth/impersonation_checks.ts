/**
 * What impersonating a wanted user takes (impersonationModeState.check): the username (a user, a
 * node or a service account), the uid, each group and each extra value, each authorized with the
 * mode's verb; the constrained modes also refuse some wanted users outright.
 */
import { forbidden, type StatusError } from "../errors/status.js";
import { dns1123SubdomainErrors } from "../../apimachinery/index.js";
import type { WantedUser } from "./impersonation_headers.js";
import {
  forbiddenMessage,
  type AuthorizationAttributes,
  type Authorizer as RbacAuthorizer,
} from "./rbac/attributes.js";
import { goQuoted } from "./service_account_tokens.js";
import {
  allAuthenticatedGroup,
  allUnauthenticatedGroup,
  anonymousUsername,
  serviceAccountGroups,
  splitServiceAccountUsername,
} from "./service_account_user.js";
import type { UserInfo } from "./user.js";

/** What impersonation asks of the authorizer. */
export type Authorizer = Pick<RbacAuthorizer, "authorize">;

const privilegedGroup = "system:masters";
const nodesGroup = "system:nodes";
const nodeUsernamePrefix = "system:node:";
/** Past this many checks of one kind, a wildcard check is tried first. */
const manyChecks = 4;

/** The node name of a `system:node:<name>` username, else undefined. */
export function nodeNameOf(username: string): string | undefined {
  if (!username.startsWith(nodeUsernamePrefix)) return undefined;
  const name = username.slice(nodeUsernamePrefix.length);
  return dns1123SubdomainErrors(name).length ? undefined : name;
}

export function authorizeOrThrow(authorizer: Authorizer, user: UserInfo, attributes: AuthorizationAttributes): void {
  const decision = authorizer.authorize(user, attributes);
  if (!decision.allowed) throw impersonationDenied(user, attributes, decision.reason);
}

function impersonationAttributes(
  group: string,
  version: string,
  verb: string,
  resource: string,
  name: string,
): AuthorizationAttributes {
  return {
    verb,
    apiGroup: group,
    apiVersion: version,
    resource,
    subresource: "",
    namespace: "",
    name,
    path: "",
    resourceRequest: true,
  };
}
/** impersonationModeState.check: the username, uid, groups and extra, each authorized. */
export function checkWantedUser(
  authorizer: Authorizer,
  requestor: UserInfo,
  wanted: WantedUser,
  verb: string,
  constrained: boolean,
): UserInfo {
  const [group, version] = constrained ? ["authentication.k8s.io", "v1"] : ["", "v1"];
  const wantedGroups = wanted.groups ?? [];
  let groups = [...wantedGroups];
  let usernameAttributes = impersonationAttributes(group, version, verb, "users", wanted.username);
  const nodeName = constrained ? nodeNameOf(wanted.username) : undefined;
  if (nodeName !== undefined) {
    usernameAttributes = { ...usernameAttributes, resource: "nodes", name: nodeName };
    if (wantedGroups.length)
      throw impersonationDenied(
        requestor,
        usernameAttributes,
        `when impersonating a node, cannot impersonate groups ${goQuoted(wantedGroups)}`,
      );
    groups = [nodesGroup];
  }
  const account = splitServiceAccountUsername(wanted.username);
  if (account) {
    usernameAttributes = {
      ...usernameAttributes,
      resource: "serviceaccounts",
      namespace: account.namespace,
      name: account.name,
    };
    if (constrained && wantedGroups.length)
      throw impersonationDenied(
        requestor,
        usernameAttributes,
        `when impersonating a service account, cannot impersonate groups ${goQuoted(wantedGroups)}`,
      );
    if (!wantedGroups.length) groups = serviceAccountGroups(account.namespace);
  }
  authorizeOrThrow(authorizer, requestor, usernameAttributes);
  if (wanted.uid)
    authorizeOrThrow(
      authorizer,
      requestor,
      impersonationAttributes("authentication.k8s.io", "v1", verb, "uids", wanted.uid),
    );
  authorizeGroups(
    authorizer,
    requestor,
    wantedGroups,
    impersonationAttributes(group, version, verb, "groups", ""),
    constrained,
  );
  authorizeExtra(authorizer, requestor, wanted.extra ?? {}, verb, constrained);
  if (wanted.username === anonymousUsername) {
    if (!groups.includes(allUnauthenticatedGroup)) groups.push(allUnauthenticatedGroup);
  } else if (!groups.includes(allUnauthenticatedGroup) && !groups.includes(allAuthenticatedGroup)) {
    groups.push(allAuthenticatedGroup);
  }
  return { username: wanted.username, uid: wanted.uid, groups, extra: wanted.extra ?? {} };
}

function authorizeGroups(
  authorizer: Authorizer,
  requestor: UserInfo,
  groups: readonly string[],
  attributes: AuthorizationAttributes,
  constrained: boolean,
): void {
  if (!groups.length) return;
  if (constrained) {
    if (groups.includes(""))
      throw impersonationDenied(requestor, attributes, "impersonating the empty string group is not allowed");
    if (groups.includes(privilegedGroup))
      throw impersonationDenied(
        requestor,
        { ...attributes, name: privilegedGroup },
        "impersonating the system:masters group is not allowed",
      );
    if (groups.length >= manyChecks && authorizer.authorize(requestor, { ...attributes, name: "*" }).allowed) return;
  }
  for (const group of groups) authorizeOrThrow(authorizer, requestor, { ...attributes, name: group });
}

function authorizeExtra(
  authorizer: Authorizer,
  requestor: UserInfo,
  extra: Readonly<Record<string, readonly string[]>>,
  verb: string,
  constrained: boolean,
): void {
  const keys = Object.keys(extra).sort();
  if (!keys.length) return;
  const attributes = impersonationAttributes("authentication.k8s.io", "v1", verb, "userextras", "");
  if (constrained) {
    const invalid = invalidExtra(extra);
    if (invalid) throw impersonationDenied(requestor, attributes, invalid);
    const count = keys.reduce((sum, key) => sum + (extra[key]?.length ?? 0), 0);
    const large = keys.length >= manyChecks || count >= manyChecks;
    if (large && authorizer.authorize(requestor, { ...attributes, subresource: "*", name: "*" }).allowed) return;
  }
  for (const key of keys)
    for (const value of extra[key] ?? [])
      authorizeOrThrow(authorizer, requestor, { ...attributes, subresource: key, name: value });
}

/** validateExtra of the constrained modes (keys are lowercased header names already). */
function invalidExtra(extra: Readonly<Record<string, readonly string[]>>): string | undefined {
  for (const [key, values] of Object.entries(extra)) {
    if (!key) return "impersonating the empty string key in extra is not allowed";
    if (!isDomainPrefixedPath(key))
      return `impersonating an invalid key in extra is not allowed: extra.key: Invalid value: ${JSON.stringify(key)}: must be a domain-prefixed path (such as "acme.io/foo")`;
    if (key !== key.toLowerCase())
      return `impersonating a non-lowercase key in extra is not allowed: ${JSON.stringify(key)}`;
    if (!values.length) return "impersonating empty values in extra is not allowed";
    if (values.includes("")) return "impersonating the empty string value in extra is not allowed";
  }
  return undefined;
}

/** utilvalidation.IsDomainPrefixedPath: `<DNS subdomain>/<path>`. */
function isDomainPrefixedPath(key: string): boolean {
  const slash = key.indexOf("/");
  if (slash <= 0) return false;
  return dns1123SubdomainErrors(key.slice(0, slash)).length === 0;
}

/** responsewriters.ForbiddenStatusError: apierrors.NewForbidden of the attributes' resource and name. */
function impersonationDenied(user: UserInfo, attributes: AuthorizationAttributes, reason: string): StatusError {
  const message = forbiddenMessage(user, attributes);
  return forbidden(
    { group: attributes.apiGroup, resource: attributes.resource },
    attributes.name,
    reason ? `${message}: ${reason}` : message,
  );
}
