/**
 * Impersonation headers (Impersonate-User, -Uid, -Group, -Extra-<key>) as kube-apiserver 1.37's
 * constrained impersonation filter (k8s.io/apiserver endpoints/filters/impersonation): the modes
 * associated-node, arbitrary-node, serviceaccount, user-info (each first asking
 * `impersonate-on:<mode>:<verb>` on the request itself) and then the legacy `impersonate` checks;
 * the first mode that allows the wanted user wins, else the first mode's refusal is the answer.
 */
import type { IncomingMessage } from "node:http";
import { badRequest, StatusError } from "../errors/status.js";
import {
  allAuthenticatedGroup,
  allUnauthenticatedGroup,
  anonymousUsername,
  extraKeys,
  serviceAccountGroups,
  splitServiceAccountUsername,
} from "./service_account_user.js";
import { goQuoted } from "./service_account_tokens.js";
import type { UserInfo } from "./user.js";
import { dns1123SubdomainErrors } from "../../apimachinery/index.js";
import { forbidden } from "../errors/status.js";
import {
  forbiddenMessage,
  type AuthorizationAttributes,
  type Authorizer as RbacAuthorizer,
} from "./rbac/attributes.js";

/** What impersonation asks of the authorizer. */
type Authorizer = Pick<RbacAuthorizer, "authorize">;

interface WantedUser {
  username: string;
  uid: string;
  groups: string[] | undefined;
  extra: Record<string, string[]> | undefined;
}

const extraPrefix = "impersonate-extra-";
const privilegedGroup = "system:masters";
const nodesGroup = "system:nodes";
const nodeUsernamePrefix = "system:node:";
/** Past this many checks of one kind, a wildcard check is tried first. */
const manyChecks = 4;

/** The wanted user of a request's headers, undefined when it impersonates no one. */
function wantedUserOf(request: IncomingMessage): WantedUser | undefined {
  const headers = request.headersDistinct;
  const username = headers["impersonate-user"]?.[0] ?? "";
  const uid = headers["impersonate-uid"]?.[0] ?? "";
  const groups = headers["impersonate-group"];
  let extra: Record<string, string[]> | undefined;
  let hasExtra = false;
  for (const [name, values] of Object.entries(headers)) {
    if (!name.startsWith(extraPrefix) || !values) continue;
    hasExtra = true;
    const key = unescapeExtraKey(name.slice(extraPrefix.length));
    extra ??= {};
    extra[key] = [...(extra[key] ?? []), ...values];
  }
  const wanted = { username, uid, groups: groups ? [...groups] : undefined, extra };
  if (!username && (uid || groups || hasExtra))
    throw badRequest(`requested ${goDefaultInfo(wanted)} without impersonating a user name`);
  return username ? wanted : undefined;
}

function unescapeExtraKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** `%#v` of a *user.DefaultInfo. */
function goDefaultInfo(user: WantedUser): string {
  const quote = (value: string) => JSON.stringify(value);
  const strings = (values: readonly string[]) => `[]string{${values.map(quote).join(", ")}}`;
  const groups = user.groups ? strings(user.groups) : "[]string(nil)";
  const extra = user.extra
    ? `map[string][]string{${Object.keys(user.extra)
        .sort()
        .map((key) => `${quote(key)}:${strings(user.extra?.[key] ?? [])}`)
        .join(", ")}}`
    : "map[string][]string(nil)";
  return `&user.DefaultInfo{Name:${quote(user.username)}, UID:${quote(user.uid)}, Groups:${groups}, Extra:${extra}}`;
}

function nodeNameOf(username: string): string | undefined {
  if (!username.startsWith(nodeUsernamePrefix)) return undefined;
  const name = username.slice(nodeUsernamePrefix.length);
  return dns1123SubdomainErrors(name).length ? undefined : name;
}

function onlyUsernameSet(wanted: WantedUser): boolean {
  return !wanted.uid && !wanted.groups?.length && !Object.keys(wanted.extra ?? {}).length;
}

interface Mode {
  readonly name: string;
  applies(wanted: WantedUser, requestor: UserInfo): boolean;
}

const constrainedModes: readonly Mode[] = [
  {
    name: "associated-node",
    applies: (wanted, requestor) =>
      onlyUsernameSet(wanted) &&
      nodeNameOf(wanted.username) !== undefined &&
      splitServiceAccountUsername(requestor.username) !== undefined &&
      requestor.extra[extraKeys.nodeName]?.length === 1 &&
      requestor.extra[extraKeys.nodeName]?.[0] === nodeNameOf(wanted.username),
  },
  {
    name: "arbitrary-node",
    applies: (wanted) => onlyUsernameSet(wanted) && nodeNameOf(wanted.username) !== undefined,
  },
  {
    name: "serviceaccount",
    applies: (wanted) => onlyUsernameSet(wanted) && splitServiceAccountUsername(wanted.username) !== undefined,
  },
  {
    name: "user-info",
    applies: (wanted) =>
      nodeNameOf(wanted.username) === undefined && splitServiceAccountUsername(wanted.username) === undefined,
  },
];

/**
 * The user a request acts as: its authenticated user, or the one its impersonation headers ask
 * for once `authorizer` allows it. Throws the filter's 400 or 403 StatusError.
 */
export function impersonatedUser(
  request: IncomingMessage,
  requestor: UserInfo,
  authorizer: Authorizer,
  requestAttributes: () => AuthorizationAttributes,
): UserInfo {
  const wanted = wantedUserOf(request);
  if (!wanted) return requestor;
  let firstError: StatusError | undefined;
  const attempt = (check: () => UserInfo): UserInfo | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      firstError ??= error;
      return undefined;
    }
  };
  for (const mode of constrainedModes) {
    if (!mode.applies(wanted, requestor)) continue;
    const user = attempt(() => {
      const attributes = requestAttributes();
      const onRequest = { ...attributes, verb: `impersonate-on:${mode.name}:${attributes.verb}` };
      authorizeOrThrow(authorizer, requestor, onRequest);
      return checkWantedUser(authorizer, requestor, wanted, `impersonate:${mode.name}`, true);
    });
    if (user) return user;
  }
  const legacy = attempt(() => checkWantedUser(authorizer, requestor, wanted, "impersonate", false));
  if (legacy) return legacy;
  throw firstError ?? new StatusError(403, "Forbidden", "all impersonation modes failed");
}

function authorizeOrThrow(authorizer: Authorizer, user: UserInfo, attributes: AuthorizationAttributes): void {
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
function checkWantedUser(
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
