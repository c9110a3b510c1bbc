/**
 * The impersonation headers of a request (Impersonate-User, -Uid, -Group, -Extra-<key>) read as
 * the constrained impersonation filter's processImpersonationHeaders reads them.
 */
import type { IncomingMessage } from "node:http";
import { badRequest } from "../errors/status.js";

/** The user a request asks to act as. */
export interface WantedUser {
  username: string;
  uid: string;
  groups: string[] | undefined;
  extra: Record<string, string[]> | undefined;
}

const extraPrefix = "impersonate-extra-";

/** The wanted user of a request's headers, undefined when it impersonates no one. */
export function wantedUserOf(request: IncomingMessage): WantedUser | undefined {
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
