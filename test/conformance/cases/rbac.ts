/**
 * RBAC authorization on both servers: what anonymous and a limited user are refused (the 403
 * bodies), what `kubectl auth can-i` and the access reviews answer, `can-i --list` for a service
 * account, the bootstrap policy, ClusterRole aggregation, and escalation refusals.
 */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus } from "./helpers.js";
import {
  anonymous,
  as,
  binding,
  clusterPath,
  clusterRole,
  httpAs,
  RBAC,
  role,
  rolesPath,
  untilAllowed,
} from "./rbac_fixtures.js";

const reviewPath = (resource: string, namespace?: string) =>
  `/apis/authorization.k8s.io/v1/${namespace ? `namespaces/${namespace}/` : ""}${resource}`;

export const rbacCases: ConformanceCase[] = [
  {
    area: "authorization",
    name: "anonymous requests: the public paths are open, discovery and resources are 403 naming system:anonymous",
    async run(t) {
      for (const path of ["/healthz", "/livez", "/readyz", "/version"]) {
        const response = await t.send({ path, headers: anonymous });
        t.record(`anonymous GET ${path}`, response.status);
      }
      for (const path of [
        "/api",
        "/apis",
        "/apis/apps/v1",
        "/openapi/v2",
        `/api/v1/namespaces/${t.namespace}/pods`,
        `/api/v1/namespaces/${t.namespace}`,
        "/api/v1/nodes",
        `/apis/apps/v1/namespaces/${t.namespace}/deployments/web/scale`,
        `/api/v1/namespaces/${t.namespace}/pods?watch=true`,
        `/apis/example.com/v1/namespaces/${t.namespace}/unserved`,
      ])
        expectStatus(await t.http({ path, headers: anonymous }), 403);
      expectStatus(
        await t.http({
          method: "POST",
          path: `/api/v1/namespaces/${t.namespace}/configmaps`,
          headers: anonymous,
          body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } },
        }),
        403,
      );
      expectStatus(
        await t.http({ method: "DELETE", path: `/api/v1/namespaces/${t.namespace}/configmaps`, headers: anonymous }),
        403,
      );
    },
  },
  {
    area: "authorization",
    name: "access reviews: SubjectAccessReview, LocalSubjectAccessReview and SelfSubjectAccessReview answer with RBAC's reasons",
    async run(t) {
      const user = `${t.namespace}-reader`;
      await t.http({
        method: "POST",
        path: rolesPath(t.namespace, "roles"),
        body: role("reader", [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods", "pods/log"] }]),
      });
      await t.http({
        method: "POST",
        path: rolesPath(t.namespace, "rolebindings"),
        body: binding("RoleBinding", "reader", { kind: "Role", name: "reader" }, [{ kind: "User", name: user }]),
      });
      await t.http({
        method: "POST",
        path: rolesPath(t.namespace, "rolebindings"),
        body: binding("RoleBinding", "dangling", { kind: "Role", name: "missing" }, [{ kind: "User", name: user }]),
      });
      await untilAllowed(t, user, [], { namespace: t.namespace, verb: "list", resource: "pods" });
      const sar = (spec: Record<string, unknown>) =>
        t.http({
          method: "POST",
          path: reviewPath("subjectaccessreviews"),
          body: { apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", spec },
        });
      await sar({
        user,
        resourceAttributes: { namespace: t.namespace, verb: "get", resource: "pods", subresource: "log", name: "p" },
      });
      await sar({ user, resourceAttributes: { namespace: t.namespace, verb: "delete", resource: "pods" } });
      await sar({ user, resourceAttributes: { namespace: "default", verb: "list", resource: "pods" } });
      await sar({ user, groups: ["system:authenticated"], nonResourceAttributes: { path: "/apis/apps", verb: "get" } });
      await sar({
        user: "someone",
        groups: ["system:masters"],
        resourceAttributes: { verb: "delete", resource: "nodes" },
      });
      await sar({ user });
      await sar({ resourceAttributes: { verb: "get", resource: "pods" } });
      const local = (namespace: string, spec: Record<string, unknown>) =>
        t.http({
          method: "POST",
          path: reviewPath("localsubjectaccessreviews", t.namespace),
          body: {
            apiVersion: "authorization.k8s.io/v1",
            kind: "LocalSubjectAccessReview",
            metadata: { namespace },
            spec,
          },
        });
      await local(t.namespace, {
        user,
        resourceAttributes: { namespace: t.namespace, verb: "list", resource: "pods" },
      });
      await local(t.namespace, { user, resourceAttributes: { namespace: "other", verb: "list", resource: "pods" } });
      await t.http({
        method: "POST",
        path: reviewPath("selfsubjectaccessreviews"),
        body: {
          apiVersion: "authorization.k8s.io/v1",
          kind: "SelfSubjectAccessReview",
          spec: { nonResourceAttributes: { path: "/version", verb: "get" } },
        },
      });
    },
  },
  {
    area: "authorization",
    name: "a limited user: a RoleBinding grants in its namespace only, and every refusal is a 403 naming the user",
    async run(t) {
      const user = `${t.namespace}-jane`;
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "roles"),
        body: role("cm-reader", [
          { verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["configmaps"] },
          { verbs: ["get"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["only"] },
        ]),
      });
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "rolebindings"),
        body: binding("RoleBinding", "jane", { kind: "Role", name: "cm-reader" }, [{ kind: "User", name: user }]),
      });
      await untilAllowed(t, user, ["system:authenticated"], {
        namespace: t.namespace,
        verb: "list",
        resource: "configmaps",
      });
      expectStatus(
        await httpAs(t, user, { path: `/api/v1/namespaces/${t.namespace}/configmaps?labelSelector=none%3Dnone` }),
        200,
      );
      expectStatus(await httpAs(t, user, { path: "/api/v1/namespaces/default/configmaps" }), 403);
      expectStatus(await httpAs(t, user, { path: `/api/v1/namespaces/${t.namespace}/secrets` }), 403);
      expectStatus(
        await httpAs(t, user, { method: "DELETE", path: `/api/v1/namespaces/${t.namespace}/configmaps/x` }),
        403,
      );
      expectStatus(await httpAs(t, user, { path: "/apis" }), 200);
      expectStatus(await httpAs(t, user, { path: "/api/v1/namespaces" }), 403);
    },
  },
  {
    area: "authorization",
    name: "kubectl auth can-i answers for the requester and for --as users",
    async run(t) {
      const user = `${t.namespace}-dev`;
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "roles"),
        body: role("dev", [{ verbs: ["*"], apiGroups: ["apps"], resources: ["deployments", "deployments/scale"] }]),
      });
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "rolebindings"),
        body: binding("RoleBinding", "dev", { kind: "Role", name: "dev" }, [{ kind: "User", name: user }]),
      });
      await untilAllowed(t, user, [], {
        namespace: t.namespace,
        verb: "create",
        resource: "deployments",
        group: "apps",
      });
      for (const args of [
        ["create", "deployments.apps"],
        ["update", "deployments.apps", "--subresource=scale"],
        ["delete", "pods"],
        ["get", "/apis"],
        ["get", "/logs"],
      ]) {
        await t.kubectl(["auth", "can-i", ...args, "-n", t.namespace, `--as=${user}`]);
      }
      await t.kubectl(["auth", "can-i", "delete", "nodes"]);
    },
  },
  {
    area: "authorization",
    name: "kubectl auth can-i --list for a service account with a Role and a ClusterRole binding",
    async run(t) {
      const account = `system:serviceaccount:${t.namespace}:robot`;
      const clusterRoleName = `${t.namespace}-robot`;
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "roles"),
        body: role("robot", [
          { verbs: ["get", "list", "watch", "update"], apiGroups: ["batch"], resources: ["jobs", "jobs/status"] },
          { verbs: ["get"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["settings"] },
        ]),
      });
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "rolebindings"),
        body: binding("RoleBinding", "robot", { kind: "Role", name: "robot" }, [
          { kind: "ServiceAccount", name: "robot", namespace: t.namespace },
        ]),
      });
      await t.send({
        method: "POST",
        path: clusterPath("clusterroles"),
        body: clusterRole(clusterRoleName, [
          { verbs: ["list"], apiGroups: [""], resources: ["nodes"] },
          { verbs: ["get"], nonResourceURLs: ["/metrics", "/debug/*"] },
        ]),
      });
      await t.send({
        method: "POST",
        path: clusterPath("clusterrolebindings"),
        body: binding("ClusterRoleBinding", clusterRoleName, { kind: "ClusterRole", name: clusterRoleName }, [
          { kind: "ServiceAccount", name: "robot", namespace: t.namespace },
        ]),
      });
      await untilAllowed(t, account, [], { namespace: t.namespace, verb: "update", resource: "jobs", group: "batch" });
      await untilAllowed(t, account, [], { verb: "list", resource: "nodes" });
      await t.kubectl(["auth", "can-i", "--list", "-n", t.namespace, `--as=${account}`]);
      await t.kubectl(["auth", "can-i", "--list", "-n", "default", `--as=${account}`]);
      await t.kubectl(["auth", "can-i", "update", "jobs.batch/status", "-n", t.namespace, `--as=${account}`]);
      await t.send({ method: "DELETE", path: clusterPath("clusterrolebindings", clusterRoleName) });
      await t.send({ method: "DELETE", path: clusterPath("clusterroles", clusterRoleName) });
    },
  },
  {
    area: "authorization",
    name: "ClusterRole aggregation: labelled ClusterRoles' rules appear in the aggregated one, live",
    async run(t) {
      const label = `conformance.example.com/${t.namespace.slice(0, 40)}`;
      const names = ["aggregated", "part-a", "part-b"].map((suffix) => `${t.namespace}-${suffix}`);
      const [aggregated = "", partA = "", partB = ""] = names;
      await t.http({
        method: "POST",
        path: clusterPath("clusterroles"),
        body: clusterRole(aggregated, undefined, {
          aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [label]: "true" } }] },
        }),
      });
      const labelled = (name: string, rules: object[]) => ({
        ...clusterRole(name, rules as never),
        metadata: { name, labels: { [label]: "true" } },
      });
      await t.http({
        method: "POST",
        path: clusterPath("clusterroles"),
        body: labelled(partA, [{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }]),
      });
      await t.http({
        method: "POST",
        path: clusterPath("clusterroles"),
        body: labelled(partB, [
          { verbs: ["list"], apiGroups: ["apps"], resources: ["deployments"] },
          { verbs: ["get"], apiGroups: [""], resources: ["pods"] },
        ]),
      });
      const rulesOf = async () =>
        bodyOf(await t.send({ path: clusterPath("clusterroles", aggregated) })).rules as unknown[] | null;
      await t.eventually("both parts aggregated", async () => ((await rulesOf())?.length === 2 ? true : undefined));
      await t.http({ path: clusterPath("clusterroles", aggregated) });
      await t.http({ method: "DELETE", path: clusterPath("clusterroles", partA) });
      await t.http({
        method: "PATCH",
        path: clusterPath("clusterroles", partB),
        contentType: "application/merge-patch+json",
        body: { rules: [{ verbs: ["watch"], apiGroups: ["apps"], resources: ["deployments"] }] },
      });
      await t.eventually("the change aggregated", async () => {
        const rules = await rulesOf();
        return rules?.length === 1 && JSON.stringify(rules).includes("watch") ? true : undefined;
      });
      await t.http({ path: clusterPath("clusterroles", aggregated) });
      for (const name of [aggregated, partB])
        await t.send({ method: "DELETE", path: clusterPath("clusterroles", name) });
    },
  },
  {
    area: "authorization",
    name: "escalation prevention: a user may only grant and bind what it holds",
    async run(t) {
      const user = `${t.namespace}-lead`;
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "roles"),
        body: role("lead", [
          {
            verbs: ["create", "update", "patch", "get"],
            apiGroups: ["rbac.authorization.k8s.io"],
            resources: ["roles", "rolebindings"],
          },
          { verbs: ["get", "list"], apiGroups: [""], resources: ["pods", "configmaps"] },
        ]),
      });
      await t.send({
        method: "POST",
        path: rolesPath(t.namespace, "rolebindings"),
        body: binding("RoleBinding", "lead", { kind: "Role", name: "lead" }, [{ kind: "User", name: user }]),
      });
      await untilAllowed(t, user, [], {
        namespace: t.namespace,
        verb: "create",
        resource: "roles",
        group: "rbac.authorization.k8s.io",
      });
      const create = (kind: "roles" | "rolebindings", body: object) =>
        httpAs(t, user, { method: "POST", path: rolesPath(t.namespace, kind), body });
      expectStatus(
        await create("roles", role("subset", [{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }])),
        201,
      );
      expectStatus(
        await create(
          "roles",
          role("more", [
            { verbs: ["get", "delete"], apiGroups: ["", "apps"], resources: ["pods", "secrets"] },
            { verbs: ["list"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["a", "b"] },
          ]),
        ),
        403,
      );
      expectStatus(
        await create("roles", role("invalid", [{ verbs: [], apiGroups: [""], resources: ["secrets"] }])),
        422,
      );
      expectStatus(
        await create(
          "rolebindings",
          binding("RoleBinding", "to-subset", { kind: "Role", name: "subset" }, [{ kind: "User", name: "someone" }]),
        ),
        201,
      );
      expectStatus(
        await create(
          "rolebindings",
          binding("RoleBinding", "to-admin", { kind: "ClusterRole", name: "admin" }, [
            { kind: "User", name: "someone" },
          ]),
        ),
        403,
      );
      expectStatus(
        await create(
          "rolebindings",
          binding("RoleBinding", "to-missing", { kind: "Role", name: "missing" }, [{ kind: "User", name: "someone" }]),
        ),
        404,
      );
      expectStatus(
        await httpAs(t, user, {
          method: "PATCH",
          path: rolesPath(t.namespace, "roles", "subset"),
          contentType: "application/merge-patch+json",
          body: { rules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }] },
        }),
        403,
      );
      const stored = await t.http({ path: rolesPath(t.namespace, "roles", "subset") });
      assert.deepEqual(
        bodyOf(stored).rules,
        [{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }],
        "the refused patch changed nothing",
      );
      await t.http({ path: `${RBAC}/namespaces/${t.namespace}/rolebindings`, headers: as(user) });
    },
  },
  {
    area: "authorization",
    name: "the bootstrap policy: every ClusterRole, ClusterRoleBinding, Role and RoleBinding kube-apiserver creates, aggregated",
    async run(t) {
      const selector = "labelSelector=kubernetes.io%2Fbootstrapping%3Drbac-defaults";
      await t.eventually("admin, edit and view aggregated", async () => {
        const list = bodyOf(await t.send({ path: `${clusterPath("clusterroles")}?${selector}` }));
        const aggregated = (list.items as { metadata: { name: string }; rules?: unknown[] | null }[]).filter((item) =>
          ["admin", "edit", "view"].includes(item.metadata.name),
        );
        return aggregated.length === 3 && aggregated.every((item) => item.rules?.length) ? true : undefined;
      });
      await t.http({ path: `${clusterPath("clusterroles")}?${selector}` });
      await t.http({ path: `${clusterPath("clusterrolebindings")}?${selector}` });
      await t.http({ path: `${RBAC}/roles?${selector}` });
      await t.http({ path: `${RBAC}/rolebindings?${selector}` });
    },
  },
];
