/**
 * The authentication.k8s.io reviews, answered from the authenticator and never stored:
 * TokenReview (pkg/registry/authentication/tokenreview) and SelfSubjectReview
 * (pkg/registry/authentication/selfsubjectreview, what `kubectl auth whoami` asks).
 */
import { badRequest } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import type { Authenticator } from "../../auth/token.js";
import { apiAudiences } from "../../auth/service_account_tokens.js";
import type { UserInfo } from "../../auth/user.js";
import { timestamp } from "../object_service.js";

/** authentication/v1 UserInfo: uid, groups and extra are omitempty. */
function userInfoOf(user: UserInfo): Record<string, unknown> {
  return {
    username: user.username,
    ...(user.uid ? { uid: user.uid } : {}),
    ...(user.groups.length ? { groups: [...user.groups] } : {}),
    ...(Object.keys(user.extra).length ? { extra: structuredClone(user.extra) } : {}),
  };
}

/** The checks TokenREST.Create makes before any admission: no namespace, a token. */
export function checkTokenReview(review: KubeObject, namespace: string | undefined): void {
  if (namespace) throw badRequest(`namespace is not allowed on this type: ${namespace}`);
  const spec = (review["spec"] ?? {}) as { token?: string };
  if (!spec.token) throw badRequest("token is required for TokenReview in authentication");
}

/** Fills a TokenReview's status with what the token authenticators say of its token. */
export function answerTokenReview(authenticator: Authenticator, review: KubeObject): KubeObject {
  const spec = (review["spec"] ?? {}) as { token?: string; audiences?: string[] };
  const audiences = spec.audiences?.length ? spec.audiences : apiAudiences;
  const result = authenticator.authenticateToken(spec.token ?? "", audiences);
  review["status"] =
    "user" in result
      ? { authenticated: true, user: userInfoOf(result.user), audiences: [...result.audiences] }
      : { user: {}, error: result.error };
  return review;
}

/** A SelfSubjectReview of `user`: a new object, whatever the request's body held. */
export function selfSubjectReview(user: UserInfo, now: Date): KubeObject {
  return {
    kind: "SelfSubjectReview",
    apiVersion: "authentication.k8s.io/v1",
    metadata: { creationTimestamp: timestamp(now) },
    status: { userInfo: userInfoOf(user) },
  };
}
