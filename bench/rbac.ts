/**
 * `npm run bench:rbac`: the cost of authorizing one request in the local server, by identity,
 * over the bootstrap policy plus BENCH_BINDINGS (default 2,000) RoleBindings spread over 200
 * namespaces and 200 ClusterRoleBindings, and the cost of rebuilding the policy index after an
 * RBAC write. In-process on the store alone (no HTTP). Prints figures; never fails on a time.
 */
import { bootstrapPolicyObjects } from "../apiserver/auth/rbac/bootstrap_policy_data.js";
import { RbacAuthorizer } from "../apiserver/auth/rbac/authorizer.js";
import type { AuthorizationAttributes } from "../apiserver/auth/rbac/attributes.js";
import { policyCollections } from "../apiserver/auth/rbac/policy_index.js";
import type { UserInfo } from "../apiserver/auth/user.js";
import { objectKey, Store } from "../apiserver/storage/store.js";
import type { KubeObject } from "../apiserver/storage/types.js";

const bindings = Number(process.env["BENCH_BINDINGS"] ?? 2_000);
const calls = 200_000;
const rbac = "rbac.authorization.k8s.io";

const store = await Store.open();
const put = (collection: string, object: KubeObject) =>
  store.put(collection, objectKey(object.metadata.namespace, object.metadata.name ?? ""), structuredClone(object))
    .durable;
for (const [resource, objects] of Object.entries(bootstrapPolicyObjects))
  for (const object of objects) await put(`${rbac}/${resource}`, object);
for (let index = 0; index < bindings; index++) {
  const namespace = `ns-${index % 200}`;
  await put(policyCollections.roles, {
    apiVersion: `${rbac}/v1`,
    kind: "Role",
    metadata: { name: `role-${index}`, namespace },
    rules: [{ verbs: ["get", "list", "watch"], apiGroups: ["", "apps"], resources: ["configmaps", "deployments"] }],
  });
  await put(policyCollections.roleBindings, {
    apiVersion: `${rbac}/v1`,
    kind: "RoleBinding",
    metadata: { name: `binding-${index}`, namespace },
    roleRef: { apiGroup: rbac, kind: "Role", name: `role-${index}` },
    subjects: [{ kind: "ServiceAccount", name: `sa-${index}`, namespace }],
  });
}
for (let index = 0; index < 200; index++)
  await put(policyCollections.clusterRoleBindings, {
    apiVersion: `${rbac}/v1`,
    kind: "ClusterRoleBinding",
    metadata: { name: `group-${index}` },
    roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "view" },
    subjects: [{ kind: "Group", apiGroup: rbac, name: `group-${index}` }],
  });

const authorizer = new RbacAuthorizer(store);
const resource = (verb: string, name: string, namespace: string): AuthorizationAttributes => ({
  verb,
  apiGroup: "",
  resource: name,
  subresource: "",
  namespace,
  name: "",
  path: "",
  resourceRequest: true,
});
const user = (username: string, groups: string[]): UserInfo => ({ username, uid: "", groups, extra: {} });

const scenarios: [string, UserInfo, AuthorizationAttributes][] = [
  [
    "system:masters (admin token)",
    user("admin", ["system:masters", "system:authenticated"]),
    resource("list", "pods", "ns-1"),
  ],
  [
    "service account, allowed by its RoleBinding",
    user("system:serviceaccount:ns-7:sa-7", [
      "system:serviceaccounts",
      "system:serviceaccounts:ns-7",
      "system:authenticated",
    ]),
    resource("list", "configmaps", "ns-7"),
  ],
  [
    "service account, denied (every rule visited)",
    user("system:serviceaccount:ns-7:sa-7", [
      "system:serviceaccounts",
      "system:serviceaccounts:ns-7",
      "system:authenticated",
    ]),
    resource("delete", "secrets", "ns-7"),
  ],
  [
    "anonymous, GET /version (public-info-viewer)",
    user("system:anonymous", ["system:unauthenticated"]),
    { ...resource("get", "", ""), resourceRequest: false, path: "/version" },
  ],
];

const lines = [`authorization, ${bindings} RoleBindings + 200 ClusterRoleBindings + the bootstrap policy`];
authorizer.authorize(scenarios[0]![1], scenarios[0]![2]);
for (const [label, who, attributes] of scenarios) {
  const started = performance.now();
  for (let index = 0; index < calls; index++) authorizer.authorize(who, attributes);
  const perCall = ((performance.now() - started) * 1000) / calls;
  lines.push(`  ${label.padEnd(48)} ${perCall.toFixed(2)} µs per request`);
}
const rebuilds = 20;
let rebuildMs = 0;
for (let index = 0; index < rebuilds; index++) {
  await put(policyCollections.roles, {
    apiVersion: `${rbac}/v1`,
    kind: "Role",
    metadata: { name: "touched", namespace: "ns-0" },
    rules: [],
  });
  const started = performance.now();
  authorizer.authorize(scenarios[1]![1], scenarios[1]![2]);
  rebuildMs += performance.now() - started;
}
lines.push(`  first request after an RBAC write (index rebuilt)   ${(rebuildMs / rebuilds).toFixed(2)} ms`);
process.stdout.write(`${lines.join("\n")}\n`);
authorizer.stop();
await store.close();
