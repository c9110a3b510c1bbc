import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import type { ResourceStrategy } from "../resource_type.js";
import { rejection as rejectionOf, tableCells } from "../strategy_testing.js";
import { strategies } from "./index.js";

const group = "rbac.authorization.k8s.io";
const now = new Date("2026-01-01T01:00:00Z");

const rejection = (strategy: ResourceStrategy, kind: string, object: KubeObject, old?: KubeObject) =>
  rejectionOf(strategy, { group, kind }, object, old);

const object = (kind: string, name: string, fields: Record<string, unknown>): KubeObject => ({
  apiVersion: `${group}/v1`,
  kind,
  metadata: { name, namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" },
  ...fields,
});

describe("rbac strategies", () => {
  it("check a Role's rules, handwritten errors before the declarative verbs check", () => {
    const role = object("Role", "bad", {
      rules: [
        {},
        { verbs: ["get"], nonResourceURLs: ["/x"] },
        { verbs: ["get"], apiGroups: [""], resources: ["pods"], nonResourceURLs: ["/x"] },
        { verbs: [], apiGroups: [] },
      ],
    });
    assert.equal(
      rejection(strategies.roles!, "Role", role),
      'Role.rbac.authorization.k8s.io "bad" is invalid: [rules[0].apiGroups: Required value: resource rules must supply at least one api group, rules[0].resources: Required value: resource rules must supply at least one resource, rules[1].nonResourceURLs: Invalid value: ["/x"]: namespaced rules cannot apply to non-resource URLs, rules[2].nonResourceURLs: Invalid value: ["/x"]: namespaced rules cannot apply to non-resource URLs, rules[2].nonResourceURLs: Invalid value: ["/x"]: rules cannot apply to both regular resources and non-resource URLs, rules[3].apiGroups: Required value: resource rules must supply at least one api group, rules[3].resources: Required value: resource rules must supply at least one resource, rules[0].verbs: Required value, rules[3].verbs: Required value]',
    );
    assert.equal(strategies.roles!.nameRule, "pathSegment");
    const fine = object("Role", "r", { rules: [{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }] });
    assert.equal(rejection(strategies.roles!, "Role", fine), "");
  });

  it("let a ClusterRole name non-resource URLs, and require a selector in an aggregation rule", () => {
    const role = object("ClusterRole", "ck-bad", {
      aggregationRule: { clusterRoleSelectors: [] },
      rules: [{ verbs: ["get"], nonResourceURLs: ["/x"], resources: ["pods"] }],
    });
    assert.equal(
      rejection(strategies.clusterroles!, "ClusterRole", role),
      'ClusterRole.rbac.authorization.k8s.io "ck-bad" is invalid: [rules[0].nonResourceURLs: Invalid value: ["/x"]: rules cannot apply to both regular resources and non-resource URLs, aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil]',
    );
    const selectors = object("ClusterRole", "ck-bad2", {
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { "bad key!": "v" }, matchExpressions: [{ key: "k", operator: "In" }] }],
      },
    });
    assert.equal(
      rejection(strategies.clusterroles!, "ClusterRole", selectors),
      `ClusterRole.rbac.authorization.k8s.io "ck-bad2" is invalid: [aggregationRule.clusterRoleSelectors[0].matchLabels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), aggregationRule.clusterRoleSelectors[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn', aggregationRule.clusterRoleSelectors[0]: Invalid value: null: invalid label selector.]`,
    );
    const healthz = object("ClusterRole", "ok", { rules: [{ verbs: ["get"], nonResourceURLs: ["/healthz"] }] });
    assert.equal(rejection(strategies.clusterroles!, "ClusterRole", healthz), "");
  });

  it("default a binding's roleRef and subjects' apiGroup as SetDefaults_RoleBinding and _Subject", () => {
    const binding = object("RoleBinding", "rb1", {
      roleRef: { kind: "Role", name: "r1" },
      subjects: [
        { kind: "User", name: "alice" },
        { kind: "ServiceAccount", name: "sa", namespace: "default" },
        { kind: "Group", name: "devs" },
      ],
    });
    assert.equal(rejection(strategies.rolebindings!, "RoleBinding", binding), "");
    assert.deepEqual(binding.roleRef, { kind: "Role", name: "r1", apiGroup: group });
    assert.deepEqual(binding.subjects, [
      { kind: "User", apiGroup: group, name: "alice" },
      { kind: "ServiceAccount", name: "sa", namespace: "default" },
      { kind: "Group", apiGroup: group, name: "devs" },
    ]);
  });

  it("reject bad roleRefs and subjects with kube-apiserver's messages and order", () => {
    const binding = object("RoleBinding", "rbbad", {
      roleRef: { apiGroup: "x", kind: "Foo", name: "" },
      subjects: [
        { kind: "Bad", name: "" },
        { kind: "ServiceAccount", name: "Bad_Name", apiGroup: "x" },
        { kind: "User", name: "u", apiGroup: "x" },
        { kind: "Group", name: "" },
      ],
    });
    assert.equal(
      rejection(strategies.rolebindings!, "RoleBinding", binding),
      `RoleBinding.rbac.authorization.k8s.io "rbbad" is invalid: [roleRef.apiGroup: Unsupported value: "x": supported values: "rbac.authorization.k8s.io", roleRef.kind: Unsupported value: "Foo": supported values: "Role", "ClusterRole", subjects[0].kind: Unsupported value: "Bad": supported values: "ServiceAccount", "User", "Group", subjects[1].name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), subjects[1].apiGroup: Unsupported value: "x": supported values: "", subjects[2].apiGroup: Unsupported value: "x": supported values: "rbac.authorization.k8s.io", subjects[0].name: Required value, subjects[3].name: Required value, roleRef.name: Required value]`,
    );
    const slash = object("RoleBinding", "rbbad2", { roleRef: { kind: "Role", name: "a/b" } });
    assert.equal(
      rejection(strategies.rolebindings!, "RoleBinding", slash),
      `RoleBinding.rbac.authorization.k8s.io "rbbad2" is invalid: roleRef.name: Invalid value: "a/b": may not contain '/'`,
    );
    const cluster = object("ClusterRoleBinding", "ck-crbbad", {
      roleRef: { kind: "Role", name: "view" },
      subjects: [{ kind: "ServiceAccount", name: "sa" }],
    });
    assert.equal(
      rejection(strategies.clusterrolebindings!, "ClusterRoleBinding", cluster),
      'ClusterRoleBinding.rbac.authorization.k8s.io "ck-crbbad" is invalid: [roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole", subjects[0].namespace: Required value]',
    );
  });

  it("keep roleRef immutable, printed as the internal Go struct", () => {
    const old = object("RoleBinding", "rb1", { roleRef: { apiGroup: group, kind: "Role", name: "r1" } });
    const changed = object("RoleBinding", "rb1", { roleRef: { kind: "ClusterRole", name: "other" }, subjects: [] });
    assert.equal(
      rejection(strategies.rolebindings!, "RoleBinding", changed, old),
      'RoleBinding.rbac.authorization.k8s.io "rb1" is invalid: roleRef: Invalid value: {"APIGroup":"rbac.authorization.k8s.io","Kind":"ClusterRole","Name":"other"}: field is immutable',
    );
    const same = object("RoleBinding", "rb1", { roleRef: { kind: "Role", name: "r1" }, subjects: [] });
    assert.equal(rejection(strategies.rolebindings!, "RoleBinding", same, old), "");
  });

  it("print a binding's role and, in the wide columns, its subjects by kind", () => {
    const binding = object("ClusterRoleBinding", "ck-crb", {
      roleRef: { apiGroup: group, kind: "ClusterRole", name: "view" },
      subjects: [
        { kind: "ServiceAccount", name: "sa", namespace: "default" },
        { kind: "User", name: "bob" },
        { kind: "User", name: "carol" },
      ],
    });
    const columns = strategies.clusterrolebindings!.columns!;
    assert.deepEqual(
      columns.map((column) => [column.name, column.priority]),
      [
        ["Name", 0],
        ["Role", 0],
        ["Age", 0],
        ["Users", 1],
        ["Groups", 1],
        ["ServiceAccounts", 1],
      ],
    );
    assert.deepEqual(tableCells(strategies.clusterrolebindings!, binding, now), [
      "ck-crb",
      "ClusterRole/view",
      "60m",
      "bob, carol",
      "",
      "default/sa",
    ]);
  });
});
