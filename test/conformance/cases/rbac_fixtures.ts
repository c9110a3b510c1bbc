/**
 * What the RBAC cases share: paths, role and binding bodies, requests made as another identity
 * (impersonation headers from the admin, as `kubectl --as`), and the wait for a grant to take
 * effect (kube-apiserver's RBAC authorizer reads informer caches, so a new binding counts a
 * moment after it is stored).
 */
import type { CaseContext } from "../harness/case.js";
import type { HttpRequest, HttpResponse } from "../harness/http.js";
import { bodyOf } from "./helpers.js";

export const RBAC = "/apis/rbac.authorization.k8s.io/v1";
export const rbacGroup = "rbac.authorization.k8s.io";

export interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export function rolesPath(namespace: string | undefined, kind: "roles" | "rolebindings", name = ""): string {
  return `${RBAC}/namespaces/${namespace}/${kind}${name ? `/${name}` : ""}`;
}

export function clusterPath(kind: "clusterroles" | "clusterrolebindings", name = ""): string {
  return `${RBAC}/${kind}${name ? `/${name}` : ""}`;
}

export function role(name: string, rules: Rule[], extra: Record<string, unknown> = {}) {
  return { apiVersion: `${rbacGroup}/v1`, kind: "Role", metadata: { name }, rules, ...extra };
}

export function clusterRole(name: string, rules: Rule[] | undefined, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: `${rbacGroup}/v1`,
    kind: "ClusterRole",
    metadata: { name },
    ...(rules ? { rules } : {}),
    ...extra,
  };
}

export type Subject =
  { kind: "User" | "Group"; name: string } | { kind: "ServiceAccount"; name: string; namespace: string };

function subjectBody(subject: Subject) {
  return subject.kind === "ServiceAccount" ? subject : { ...subject, apiGroup: rbacGroup };
}

export function binding(
  kind: "RoleBinding" | "ClusterRoleBinding",
  name: string,
  roleRef: { kind: "Role" | "ClusterRole"; name: string },
  subjects: Subject[],
) {
  return {
    apiVersion: `${rbacGroup}/v1`,
    kind,
    metadata: { name },
    roleRef: { apiGroup: rbacGroup, ...roleRef },
    subjects: subjects.map(subjectBody),
  };
}

/** The headers that make the admin's request one of `user` (and `group`). */
export function as(user: string, group?: string): Record<string, string> {
  return { "impersonate-user": user, ...(group ? { "impersonate-group": group } : {}) };
}

/** A request without credentials. */
export const anonymous: Readonly<Record<string, string>> = { authorization: "" };

/** Asks a SubjectAccessReview (not recorded) whether `user` may do it. */
async function allowed(t: CaseContext, user: string, groups: readonly string[], attributes: Record<string, string>) {
  const review = await t.send({
    method: "POST",
    path: "/apis/authorization.k8s.io/v1/subjectaccessreviews",
    body: {
      apiVersion: "authorization.k8s.io/v1",
      kind: "SubjectAccessReview",
      spec: { user, groups, resourceAttributes: attributes },
    },
  });
  return bodyOf(review).status?.allowed === true;
}

/** Waits until the authorizer grants `user` the request (the reference's RBAC caches catch up). */
export async function untilAllowed(
  t: CaseContext,
  user: string,
  groups: readonly string[],
  attributes: Record<string, string>,
): Promise<void> {
  await t.eventually(`${user} to be allowed ${JSON.stringify(attributes)}`, async () =>
    (await allowed(t, user, groups, attributes)) ? true : undefined,
  );
}

/** Sends `req` as `user` and records it. */
export function httpAs(t: CaseContext, user: string, req: HttpRequest): Promise<HttpResponse> {
  return t.http({ ...req, headers: { ...req.headers, ...as(user) } });
}
