/**
 * The request authenticator, as kube-apiserver's union: a bearer token (the admin token of the
 * token file, compared in constant time, then service account tokens), else anonymous. Every
 * authenticated user is also in system:authenticated (the AuthenticatedGroupAdder).
 */
import { randomBytes, timingSafeEqual, createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { allAuthenticatedGroup } from "./service_account_user.js";
import { apiAudiences, type ServiceAccountTokens, type TokenAuthentication } from "./service_account_tokens.js";
import { adminUser, anonymousUser, type UserInfo } from "./user.js";

export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The request's user (anonymous without credentials), or "rejected" for credentials that are wrong. */
export type Authentication = UserInfo | "rejected";

/** What the bearer token authenticator says of a token no authenticator accepts. */
const invalidBearerToken = "invalid bearer token";

export class Authenticator {
  readonly #adminDigest: Buffer;
  readonly #serviceAccounts: ServiceAccountTokens;

  constructor(adminToken: string, serviceAccounts: ServiceAccountTokens) {
    this.#adminDigest = createHash("sha256").update(adminToken).digest();
    this.#serviceAccounts = serviceAccounts;
  }

  /** Reads the Authorization header: a known token's user, none (anonymous), or a wrong one. */
  authenticate(headers: IncomingHttpHeaders): Authentication {
    const token = bearerToken(headers.authorization);
    if (token === undefined) return anonymousUser;
    const result = this.authenticateToken(token);
    return "user" in result ? result.user : "rejected";
  }

  /** The token authenticators' union for one token (what a TokenReview reports). */
  authenticateToken(
    token: string,
    requestedAudiences: readonly string[] = apiAudiences,
  ): Exclude<TokenAuthentication, undefined> {
    // Hash both sides so that the comparison takes the same time whatever the lengths.
    const given = createHash("sha256").update(token).digest();
    // The token file is audience-agnostic: it is valid for whatever audiences are asked for.
    if (timingSafeEqual(given, this.#adminDigest)) return { user: adminUser, audiences: requestedAudiences };
    const result = this.#serviceAccounts.authenticate(token, requestedAudiences);
    if (result === undefined) return { error: invalidBearerToken };
    if ("error" in result) return { error: `[${invalidBearerToken}, ${result.error}]` };
    return { user: withAuthenticatedGroup(result.user), audiences: result.audiences };
  }
}

/** The bearer token of an Authorization header (bearertoken.Authenticator), or undefined for none. */
function bearerToken(header: string | undefined): string | undefined {
  const parts = (header ?? "").trim().split(" ");
  if (parts.length < 2 || parts[0]?.toLowerCase() !== "bearer") return undefined;
  return parts[1] || undefined;
}

function withAuthenticatedGroup(user: UserInfo): UserInfo {
  return user.groups.includes(allAuthenticatedGroup)
    ? user
    : { ...user, groups: [...user.groups, allAuthenticatedGroup] };
}
