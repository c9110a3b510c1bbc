/**
 * Bound service account tokens, as kube-apiserver issues and checks them
 * (k8s.io/kubernetes pkg/serviceaccount: claims.go and jwt.go): a JWT whose private claims name the
 * service account and the Pod or Secret it is bound to, valid while its clock claims hold, its
 * audience is wanted, and the objects it names still exist with the same uids.
 */
import { randomUUID } from "node:crypto";
import { objectKey, type Store } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";
import { hasValidSignature, parseJwt, signJwt, type JwtClaims, type JwtKey } from "./jwt.js";
import { extraKeys, serviceAccountGroups, serviceAccountUsername } from "./service_account_user.js";
import type { UserInfo } from "./user.js";

/** The issuer the binaries control plane is started with (--service-account-issuer). */
export const serviceAccountIssuer = "https://kubernetes.default.svc.cluster.local";
/** kube-apiserver's API audiences default to the issuer. */
export const apiAudiences: readonly string[] = [serviceAccountIssuer];

/** go-jose's leeway for the time claims (jwt.DefaultLeeway). */
const leewaySeconds = 60;

/** A name and uid, as a claim records an object. */
export interface ObjectRef {
  readonly name: string;
  readonly uid: string;
}

/** What a token is issued for: the TokenRequest's service account, audiences, lifetime and bound object. */
export interface TokenGrant {
  readonly serviceAccount: KubeObject;
  readonly audiences: readonly string[];
  readonly expirationSeconds: number;
  /** Lifetime after which the token only warns (a pod token's extended expiry), 0 for none. */
  readonly warnAfterSeconds: number;
  readonly pod?: ObjectRef;
  readonly secret?: ObjectRef;
  readonly node?: ObjectRef;
}

/** A token's user and the audiences it was accepted for, an error for a token of ours that fails, or not ours. */
export type TokenAuthentication =
  { readonly user: UserInfo; readonly audiences: readonly string[] } | { readonly error: string } | undefined;

export class ServiceAccountTokens {
  readonly #key: JwtKey;
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(key: JwtKey, store: Store, now: () => Date) {
    this.#key = key;
    this.#store = store;
    this.#now = now;
  }

  /** Signs a token for `grant` (serviceaccount.Claims then the generator). */
  issue(grant: TokenGrant, issuedAt: Date): string {
    const seconds = Math.floor(issuedAt.getTime() / 1000);
    const meta = grant.serviceAccount.metadata;
    const kubernetes: Record<string, unknown> = {
      namespace: meta.namespace,
      serviceaccount: { name: meta.name, uid: meta.uid },
    };
    if (grant.pod) {
      kubernetes["pod"] = { ...grant.pod };
      if (grant.node) kubernetes["node"] = nodeClaim(grant.node);
    } else if (grant.secret) kubernetes["secret"] = { ...grant.secret };
    else if (grant.node) kubernetes["node"] = nodeClaim(grant.node);
    if (grant.warnAfterSeconds) kubernetes["warnafter"] = seconds + grant.warnAfterSeconds;
    const claims: JwtClaims = {
      aud: [...grant.audiences],
      exp: seconds + grant.expirationSeconds,
      iat: seconds,
      iss: serviceAccountIssuer,
      jti: randomUUID(),
      "kubernetes.io": kubernetes,
      nbf: seconds,
      sub: serviceAccountUsername(meta.namespace ?? "", meta.name ?? ""),
    };
    return signJwt(this.#key, claims);
  }

  /** The jwtTokenAuthenticator's answer for `token`, checked against `requestedAudiences`. */
  authenticate(token: string, requestedAudiences: readonly string[] = apiAudiences): TokenAuthentication {
    const parsed = parseJwt(token);
    if (!parsed || parsed.claims["iss"] !== serviceAccountIssuer) return undefined;
    if (!hasValidSignature(this.#key, parsed)) return { error: "go-jose/go-jose: error in cryptographic primitive" };
    const claims = parsed.claims;
    const tokenAudiences = stringsOf(claims["aud"]);
    const audiences = tokenAudiences.length ? tokenAudiences : apiAudiences;
    const accepted = audiences.filter((audience) => requestedAudiences.includes(audience));
    if (!accepted.length) {
      return {
        error: `token audiences ${goQuoted(audiences)} is invalid for the target audiences ${goQuoted(requestedAudiences)}`,
      };
    }
    const failure = this.#clockError(claims);
    if (failure) return { error: failure };
    const result = this.#boundObjects(claims);
    if ("error" in result) return result;
    return { user: result, audiences: accepted };
  }

  #clockError(claims: JwtClaims): string | undefined {
    const now = this.#now().getTime() / 1000;
    if (typeof claims["exp"] === "number" && now - leewaySeconds > claims["exp"])
      return "service account token has expired";
    if (typeof claims["nbf"] === "number" && now + leewaySeconds < claims["nbf"])
      return "service account token is not valid yet";
    if (typeof claims["iat"] === "number" && now + leewaySeconds < claims["iat"])
      return "service account token is issued in the future";
    return undefined;
  }

  /** The validator's checks of the objects the claims name, and the user they make. */
  #boundObjects(claims: JwtClaims): UserInfo | { error: string } {
    const kubernetes = objectOf(claims["kubernetes.io"]);
    const namespace = String(kubernetes["namespace"] ?? "");
    const account = refOf(kubernetes["serviceaccount"]) ?? { name: "", uid: "" };
    const serviceAccount = this.#lookup("serviceaccounts", namespace, account.name);
    if (!serviceAccount) return { error: `serviceaccounts "${account.name}" not found` };
    if (serviceAccount.metadata.uid !== account.uid)
      return { error: `service account UID (${serviceAccount.metadata.uid}) does not match claim (${account.uid})` };
    if (this.#deletedLongAgo(serviceAccount))
      return { error: `service account ${namespace}/${account.name} has been deleted` };
    const extra: Record<string, string[]> = {};
    const secret = refOf(kubernetes["secret"]);
    if (secret) {
      const error = this.#boundObjectError("secrets", "secret", namespace, secret);
      if (error) return { error };
    }
    const pod = refOf(kubernetes["pod"]);
    if (pod) {
      const error = this.#boundObjectError("pods", "pod", namespace, pod);
      if (error) return { error };
      extra[extraKeys.podName] = [pod.name];
      extra[extraKeys.podUid] = [pod.uid];
    }
    const node = refOf(kubernetes["node"]);
    if (node) {
      // A pod's node is recorded as it was; a token bound to the node itself needs the node.
      if (!pod) {
        const object = this.#lookup("nodes", "", node.name);
        if (!object || this.#deletedLongAgo(object)) return { error: "service account token has been invalidated" };
        if (object.metadata.uid !== node.uid)
          return {
            error: `node UID (${object.metadata.uid}) does not match service account node ref claim (${node.uid})`,
          };
      }
      extra[extraKeys.nodeName] = [node.name];
      if (node.uid) extra[extraKeys.nodeUid] = [node.uid];
    }
    if (typeof claims["jti"] === "string" && claims["jti"]) extra[extraKeys.credentialId] = [`JTI=${claims["jti"]}`];
    return {
      username: serviceAccountUsername(namespace, account.name),
      uid: account.uid,
      groups: serviceAccountGroups(namespace),
      extra: Object.fromEntries(Object.entries(extra).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
  }

  #boundObjectError(resource: string, claim: string, namespace: string, ref: ObjectRef): string | undefined {
    const object = this.#lookup(resource, namespace, ref.name);
    if (!object || this.#deletedLongAgo(object)) return "service account token has been invalidated";
    if (object.metadata.uid !== ref.uid)
      return `${claim} UID (${object.metadata.uid}) does not match service account ${claim} ref claim (${ref.uid})`;
    return undefined;
  }

  #lookup(resource: string, namespace: string, name: string): KubeObject | undefined {
    if (!name) return undefined;
    return this.#store.get(`/${resource}`, objectKey(namespace || undefined, name));
  }

  /** Deleted before the leeway: a token outlives its object's deletion by at most a minute. */
  #deletedLongAgo(object: KubeObject): boolean {
    const deleted = object.metadata.deletionTimestamp;
    return !!deleted && Date.parse(deleted) < this.#now().getTime() - leewaySeconds * 1000;
  }
}

function nodeClaim(node: ObjectRef): Record<string, string> {
  return node.uid ? { name: node.name, uid: node.uid } : { name: node.name };
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function refOf(value: unknown): ObjectRef | undefined {
  if (value === undefined || value === null) return undefined;
  const object = objectOf(value);
  return { name: String(object["name"] ?? ""), uid: String(object["uid"] ?? "") };
}

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Go's %q of a []string: `["a" "b"]`. */
export function goQuoted(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(" ")}]`;
}
