/**
 * Bearer-token authentication: one random token per start, compared in constant time.
 */
import { randomBytes, timingSafeEqual, createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { adminUser, anonymousUser, type UserInfo } from "./user.js";

export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The request's user (anonymous without credentials), or "rejected" for credentials that are wrong. */
export type Authentication = UserInfo | "rejected";

const expectedDigests = new Map<string, Buffer>();

/** Reads the Authorization header: the admin token, none at all (anonymous), or a wrong one. */
export function authenticate(headers: IncomingHttpHeaders, token: string): Authentication {
  const header = headers.authorization;
  if (!header) return anonymousUser;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match?.[1]) return "rejected";
  // Hash both sides so that the comparison takes the same time whatever the lengths.
  const given = createHash("sha256").update(match[1].trim()).digest();
  let expected = expectedDigests.get(token);
  if (!expected) {
    expected = createHash("sha256").update(token).digest();
    expectedDigests.set(token, expected);
  }
  return timingSafeEqual(given, expected) ? adminUser : "rejected";
}

/** Paths the system:public-info-viewer role opens to anonymous clients in kube-apiserver. */
export function isPublicInfoPath(pathname: string): boolean {
  return ["/healthz", "/livez", "/readyz", "/version"].some(
    (path) => pathname === path || pathname.startsWith(`${path}/`),
  );
}
