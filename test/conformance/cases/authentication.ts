/**
 * Who a request is from: wrong credentials (401), service-account tokens from the TokenRequest API
 * (their claims compared structurally, never their signature), TokenReview, SelfSubjectReview
 * (`kubectl auth whoami`) and impersonation headers.
 */
import assert from "node:assert/strict";
import type { CaseContext } from "../harness/case.js";
import type { HttpResponse } from "../harness/http.js";
import { bodyOf, expectStatus } from "./helpers.js";

const serviceAccountsPath = (namespace: string, name = "") =>
  `/api/v1/namespaces/${namespace}/serviceaccounts${name ? `/${name}` : ""}`;

async function createServiceAccount(t: CaseContext, name: string): Promise<void> {
  const created = await t.send({
    method: "POST",
    path: serviceAccountsPath(t.namespace),
    body: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name } },
  });
  expectStatus(created, 201);
}

function requestToken(t: CaseContext, name: string, spec: Record<string, unknown> = {}): Promise<HttpResponse> {
  return t.send({
    method: "POST",
    path: `${serviceAccountsPath(t.namespace, name)}/token`,
    body: { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec },
  });
}

/** The claims of a JWT with the clock's values made relative to its issue time. */
function claimsOf(token: string): Record<string, unknown> {
  const [header, payload] = token.split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
  const algorithm = (JSON.parse(Buffer.from(header ?? "", "base64url").toString("utf8")) as { alg?: string }).alg;
  const issuedAt = claims["iat"] as number;
  const kubernetes = claims["kubernetes.io"] as Record<string, unknown> | undefined;
  return {
    ...claims,
    iat: "<issued at>",
    nbf: (claims["nbf"] as number) - issuedAt,
    exp: (claims["exp"] as number) - issuedAt,
    jti: typeof claims["jti"] === "string" ? "<jti>" : claims["jti"],
    "kubernetes.io": kubernetes && {
      ...kubernetes,
      ...(kubernetes["warnafter"] !== undefined ? { warnafter: (kubernetes["warnafter"] as number) - issuedAt } : {}),
    },
    signed: algorithm !== undefined && algorithm !== "none",
  };
}

/** A TokenRequest answer with the token and its expiry (clock values) replaced. */
function tokenAnswer(response: HttpResponse): unknown {
  const body = bodyOf(response);
  if (response.status !== 201) return { status: response.status, body };
  const { token, expirationTimestamp, ...status } = body["status"] as Record<string, unknown>;
  return {
    status: response.status,
    body: {
      ...body,
      status: { ...status, token: typeof token === "string" ? "<token>" : token, expires: typeof expirationTimestamp },
    },
    claims: claimsOf(token as string),
  };
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A credential-id extra names the token's random jti. */
function withoutCredentialId(body: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(body).replace(/"JTI=[0-9a-f-]+"/g, '"JTI=<jti>"')) as Record<string, unknown>;
}

async function tokenReview(t: CaseContext, label: string, token: string, audiences?: string[]): Promise<void> {
  const response = await t.send({
    method: "POST",
    path: "/apis/authentication.k8s.io/v1/tokenreviews",
    body: {
      apiVersion: "authentication.k8s.io/v1",
      kind: "TokenReview",
      spec: { token, ...(audiences ? { audiences } : {}) },
    },
  });
  const body = withoutCredentialId(bodyOf(response));
  t.record(label, {
    status: response.status,
    body: { ...body, spec: { ...(body["spec"] as object), token: "<token>" } },
  });
}

async function selfSubjectReview(t: CaseContext, label: string, headers: Record<string, string>): Promise<void> {
  const response = await t.send({
    method: "POST",
    path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
    body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
    headers,
  });
  t.record(label, { status: response.status, body: withoutCredentialId(bodyOf(response)) });
}

export const authenticationCases = [
  {
    area: "authentication" as const,
    name: "wrong credentials are 401 Unauthorized, public paths open to anonymous clients",
    async run(t: CaseContext) {
      for (const authorization of ["Bearer not-a-token", "Bearer a.b.c", "Basic YWRtaW46YWRtaW4=", "Bearer"]) {
        await t.http({ path: "/api/v1/namespaces", headers: { authorization } });
      }
      await t.http({
        method: "POST",
        path: `/api/v1/namespaces/${t.namespace}/configmaps`,
        body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "refused" } },
        headers: { authorization: "Bearer not-a-token" },
      });
      await t.http({ path: "/livez", headers: { authorization: "" } });
      await t.http({ path: "/healthz", headers: { authorization: "" } });
    },
  },
  {
    area: "authentication" as const,
    name: "TokenRequest issues a service account's bound token, kubectl create token too",
    async run(t: CaseContext) {
      await createServiceAccount(t, "robot");
      t.record("default token", tokenAnswer(await requestToken(t, "robot")));
      t.record(
        "two hours, two audiences",
        tokenAnswer(await requestToken(t, "robot", { expirationSeconds: 7200, audiences: ["one", "two"] })),
      );
      const secret = await t.send({
        method: "POST",
        path: `/api/v1/namespaces/${t.namespace}/secrets`,
        body: { apiVersion: "v1", kind: "Secret", metadata: { name: "binder" } },
      });
      expectStatus(secret, 201);
      t.record(
        "bound to a Secret",
        tokenAnswer(
          await requestToken(t, "robot", { boundObjectRef: { kind: "Secret", apiVersion: "v1", name: "binder" } }),
        ),
      );
      t.record("missing service account", tokenAnswer(await requestToken(t, "nobody")));
      t.record("a minute", tokenAnswer(await requestToken(t, "robot", { expirationSeconds: 60 })));
      t.record("beyond 2^32 s", tokenAnswer(await requestToken(t, "robot", { expirationSeconds: 2 ** 32 + 1 })));
      t.record(
        "bound to a missing Pod",
        tokenAnswer(
          await requestToken(t, "robot", { boundObjectRef: { kind: "Pod", apiVersion: "v1", name: "gone" } }),
        ),
      );
      t.record(
        "bound to a ConfigMap",
        tokenAnswer(
          await requestToken(t, "robot", { boundObjectRef: { kind: "ConfigMap", apiVersion: "v1", name: "x" } }),
        ),
      );
      t.record(
        "bound Secret's uid differs",
        tokenAnswer(
          await requestToken(t, "robot", {
            boundObjectRef: { kind: "Secret", apiVersion: "v1", name: "binder", uid: "0000" },
          }),
        ),
      );
      const named = await t.send({
        method: "POST",
        path: `${serviceAccountsPath(t.namespace, "robot")}/token`,
        body: { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", metadata: { name: "other" }, spec: {} },
      });
      t.record("another name in the body", tokenAnswer(named));
      const created = await t.kubectl([
        "-n",
        t.namespace,
        "create",
        "token",
        "robot",
        "--duration=20m",
        "--audience=a",
      ]);
      t.record("kubectl create token's claims", claimsOf(created.stdout.trim()));
      await t.kubectl(["-n", t.namespace, "create", "token", "nobody"]);
      await t.kubectl(["-n", t.namespace, "create", "token", "robot", "--duration=1m"]);
    },
  },
  {
    area: "authentication" as const,
    name: "TokenReview answers for a good, a forged and a wrong token",
    async run(t: CaseContext) {
      await createServiceAccount(t, "reviewed");
      const token = bodyOf(await requestToken(t, "reviewed"))["status"].token as string;
      await tokenReview(t, "service account token", token);
      await tokenReview(t, "service account token, its audience", token, [
        "https://kubernetes.default.svc.cluster.local",
      ]);
      await tokenReview(t, "service account token, another audience", token, ["elsewhere"]);
      await tokenReview(t, "admin token", t.target.endpoint.token);
      await tokenReview(t, "wrong token", "not-a-token");
      await tokenReview(t, "forged signature", `${token.slice(0, token.lastIndexOf(".") + 1)}AAAA`);
      const other = bodyOf(await requestToken(t, "reviewed", { audiences: ["elsewhere"] }))["status"].token as string;
      await tokenReview(t, "token for another audience", other);
      await t.http({
        method: "POST",
        path: "/apis/authentication.k8s.io/v1/tokenreviews",
        body: { apiVersion: "authentication.k8s.io/v1", kind: "TokenReview", spec: {} },
      });
    },
  },
  {
    area: "authentication" as const,
    name: "SelfSubjectReview and kubectl auth whoami: admin, a service account, an impersonated user",
    async run(t: CaseContext) {
      await createServiceAccount(t, "whoami");
      const token = bodyOf(await requestToken(t, "whoami"))["status"].token as string;
      await selfSubjectReview(t, "admin", {});
      await selfSubjectReview(t, "service account", bearer(token));
      await selfSubjectReview(t, "impersonated user", {
        "impersonate-user": "jane",
        "impersonate-group": "devs",
        "impersonate-uid": "1234",
        "impersonate-extra-scopes": "view",
      });
      await selfSubjectReview(t, "impersonated service account", {
        "impersonate-user": `system:serviceaccount:${t.namespace}:whoami`,
      });
      await selfSubjectReview(t, "impersonated anonymous", { "impersonate-user": "system:anonymous" });
      await selfSubjectReview(t, "groups without a user", { "impersonate-group": "devs" });
      await selfSubjectReview(t, "service account impersonating", { ...bearer(token), "impersonate-user": "jane" });
      await t.kubectl(["auth", "whoami", "-o", "json"], { output: "json" });
      await t.kubectl(["auth", "whoami", "--as=jane", "--as-group=devs", "--as-group=ops", "-o", "json"], {
        output: "json",
      });
      const table = await t.kubectl(["auth", "whoami", "--as=jane", "--as-group=devs"]);
      assert.equal(table.code, 0, table.stderr);
    },
  },
  {
    area: "authentication" as const,
    name: "impersonation is authorized: legacy impersonate rules, constrained impersonate-on rules, refusals",
    async run(t: CaseContext) {
      await createServiceAccount(t, "impersonator");
      const token = bodyOf(await requestToken(t, "impersonator"))["status"].token as string;
      const role = `${t.namespace}-impersonator`;
      const rules = [
        { apiGroups: [""], resources: ["users"], verbs: ["impersonate"], resourceNames: ["jane"] },
        {
          apiGroups: ["authentication.k8s.io"],
          resources: ["users"],
          verbs: ["impersonate:user-info"],
          resourceNames: ["bob"],
        },
        {
          apiGroups: ["authentication.k8s.io"],
          resources: ["selfsubjectreviews"],
          verbs: ["impersonate-on:user-info:create"],
        },
        { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"], resourceNames: ["impersonator"] },
      ];
      expectStatus(
        await t.send({
          method: "POST",
          path: "/apis/rbac.authorization.k8s.io/v1/clusterroles",
          body: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: role }, rules },
        }),
        201,
      );
      expectStatus(
        await t.send({
          method: "POST",
          path: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
          body: {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRoleBinding",
            metadata: { name: role },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
            subjects: [{ kind: "ServiceAccount", name: "impersonator", namespace: t.namespace }],
          },
        }),
        201,
      );
      const asJane = { ...bearer(token), "impersonate-user": "jane" };
      // RBAC sees a new binding once its informer has: wait until the first grant holds.
      await t.eventually("the binding to take effect", async () => {
        const response = await t.send({
          method: "POST",
          path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
          body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
          headers: asJane,
        });
        return response.status === 201 ? true : undefined;
      });
      await selfSubjectReview(t, "legacy impersonate of a named user", asJane);
      await selfSubjectReview(t, "constrained impersonate of a named user", {
        ...bearer(token),
        "impersonate-user": "bob",
      });
      await selfSubjectReview(t, "a user not granted", { ...bearer(token), "impersonate-user": "carol" });
      await selfSubjectReview(t, "a group not granted", { ...asJane, "impersonate-group": "devs" });
      await selfSubjectReview(t, "a uid not granted", { ...asJane, "impersonate-uid": "42" });
      await selfSubjectReview(t, "an extra with an invalid key", { ...asJane, "impersonate-extra-Scopes": "view" });
      await selfSubjectReview(t, "itself, a service account", {
        ...bearer(token),
        "impersonate-user": `system:serviceaccount:${t.namespace}:impersonator`,
      });
      await selfSubjectReview(t, "admin as a service account with groups", {
        "impersonate-user": `system:serviceaccount:${t.namespace}:impersonator`,
        "impersonate-group": "devs",
      });
      await selfSubjectReview(t, "admin as system:masters", {
        "impersonate-user": "root",
        "impersonate-group": "system:masters",
      });
      await selfSubjectReview(t, "admin as a node", { "impersonate-user": "system:node:worker-1" });
      await t.http({ path: `/api/v1/namespaces/${t.namespace}/configmaps`, headers: asJane });
    },
  },
];
