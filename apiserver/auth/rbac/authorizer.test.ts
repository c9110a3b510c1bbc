import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Store, objectKey } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import type { UserInfo } from "../user.js";
import type { AuthorizationAttributes } from "./attributes.js";
import { forbiddenMessage, RbacAuthorizer } from "./authorizer.js";
import { policyCollections } from "./policy_index.js";
import { ruleAllows } from "./policy_rule.js";
import { requestAttributes } from "./request_attributes.js";

const user = (username: string, groups: string[] = ["system:authenticated"]): UserInfo => ({
  username,
  uid: "",
  groups,
  extra: {},
});

function resource(
  verb: string,
  resourceName: string,
  extra: Partial<AuthorizationAttributes> = {},
): AuthorizationAttributes {
  return {
    verb,
    apiGroup: "",
    resource: resourceName,
    subresource: "",
    namespace: "",
    name: "",
    path: "",
    resourceRequest: true,
    ...extra,
  };
}

function put(store: Store, collection: string, object: KubeObject): Promise<void> {
  return store.put(collection, objectKey(object.metadata.namespace, object.metadata.name ?? ""), object).durable;
}

describe("ruleAllows", () => {
  it("matches verbs, groups, resources, subresources and names as RBAC does", () => {
    const podsLog = { verbs: ["get"], apiGroups: [""], resources: ["pods/log"] };
    assert.equal(ruleAllows(resource("get", "pods", { subresource: "log" }), podsLog), true);
    assert.equal(ruleAllows(resource("get", "pods"), podsLog), false, "pods/log does not grant pods");
    const anyScale = { verbs: ["*"], apiGroups: ["*"], resources: ["*/scale"] };
    assert.equal(
      ruleAllows(resource("update", "deployments", { apiGroup: "apps", subresource: "scale" }), anyScale),
      true,
    );
    assert.equal(ruleAllows(resource("update", "deployments", { apiGroup: "apps" }), anyScale), false);
    const named = { verbs: ["get"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["one"] };
    assert.equal(ruleAllows(resource("get", "configmaps", { name: "one" }), named), true);
    assert.equal(ruleAllows(resource("get", "configmaps", { name: "two" }), named), false);
    assert.equal(ruleAllows(resource("list", "configmaps"), named), false, "a list names no object");
    assert.equal(ruleAllows(resource("get", "configmaps", { apiGroup: "apps" }), named), false);
  });

  it("matches non-resource URLs exactly or by a `*` suffix, never resource requests", () => {
    const rule = { verbs: ["get"], nonResourceURLs: ["/healthz", "/apis/*"] };
    const path = (p: string, verb = "get") => ({ ...resource(verb, ""), resourceRequest: false, path: p });
    assert.equal(ruleAllows(path("/healthz"), rule), true);
    assert.equal(ruleAllows(path("/healthz/etcd"), rule), false);
    assert.equal(ruleAllows(path("/apis/apps/v1"), rule), true);
    assert.equal(ruleAllows(path("/apis"), rule), false);
    assert.equal(ruleAllows(path("/healthz", "post"), rule), false);
    assert.equal(ruleAllows(resource("get", "pods"), { verbs: ["*"], nonResourceURLs: ["*"] }), false);
  });
});

describe("requestAttributes", () => {
  const query = (text = "") => new URLSearchParams(text);
  it("reads resource requests as RequestInfoFactory does", () => {
    assert.deepEqual(requestAttributes("GET", "/api/v1/namespaces/default/pods", query("watch=true")), {
      ...resource("watch", "pods", { namespace: "default", apiVersion: "v1" }),
      path: "/api/v1/namespaces/default/pods",
    });
    const scale = requestAttributes("PUT", "/apis/apps/v1/namespaces/a/deployments/web/scale", query());
    assert.deepEqual(
      [scale.verb, scale.apiGroup, scale.resource, scale.name, scale.subresource],
      ["update", "apps", "deployments", "web", "scale"],
    );
    assert.equal(requestAttributes("DELETE", "/api/v1/namespaces/a/pods", query()).verb, "deletecollection");
    const namespace = requestAttributes("GET", "/api/v1/namespaces/a", query());
    assert.deepEqual(
      [namespace.verb, namespace.resource, namespace.name, namespace.namespace],
      ["get", "namespaces", "a", "a"],
    );
    const byName = requestAttributes("GET", "/api/v1/namespaces/a/pods", query("fieldSelector=metadata.name%3Dp1"));
    assert.deepEqual([byName.verb, byName.name], ["list", "p1"]);
  });

  it("reads discovery and other paths as non-resource requests with the method as verb", () => {
    for (const path of ["/api", "/api/v1", "/apis", "/apis/apps", "/apis/apps/v1", "/version", "/openapi/v2"]) {
      const attributes = requestAttributes("GET", path, query());
      assert.equal(attributes.resourceRequest, false, path);
      assert.equal(attributes.verb, "get");
    }
    assert.equal(requestAttributes("POST", "/healthz", query()).verb, "post");
  });
});

describe("RbacAuthorizer", () => {
  let store: Store;
  let authorizer: RbacAuthorizer;
  before(async () => {
    store = await Store.open();
    authorizer = new RbacAuthorizer(store);
    put(store, policyCollections.clusterRoles, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "pod-reader" },
      rules: [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods"] }],
    });
    put(store, policyCollections.roles, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "cm-writer", namespace: "team" },
      rules: [{ verbs: ["create"], apiGroups: [""], resources: ["configmaps"] }],
    });
    put(store, policyCollections.clusterRoleBindings, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "readers" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "pod-reader" },
      subjects: [{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "readers" }],
    });
    put(store, policyCollections.roleBindings, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "writers", namespace: "team" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "cm-writer" },
      // A service account without a namespace is the binding's namespace's.
      subjects: [{ kind: "ServiceAccount", name: "builder" }],
    });
  });
  after(() => authorizer.stop());

  it("lets system:masters do anything", () => {
    assert.equal(authorizer.authorize(user("root", ["system:masters"]), resource("delete", "nodes")).allowed, true);
  });

  it("grants through a group's ClusterRoleBinding, cluster-wide and in every namespace", () => {
    const reader = user("ann", ["readers", "system:authenticated"]);
    const decision = authorizer.authorize(reader, resource("list", "pods", { namespace: "x" }));
    assert.deepEqual(decision, {
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "readers" of ClusterRole "pod-reader" to Group "readers"',
    });
    assert.equal(authorizer.authorize(reader, resource("delete", "pods", { namespace: "x" })).allowed, false);
    assert.equal(authorizer.authorize(user("bob"), resource("list", "pods")).allowed, false);
  });

  it("grants a RoleBinding's service account only in the binding's namespace", () => {
    const builder = user("system:serviceaccount:team:builder", ["system:serviceaccounts", "system:authenticated"]);
    assert.equal(authorizer.authorize(builder, resource("create", "configmaps", { namespace: "team" })).allowed, true);
    assert.equal(
      authorizer.authorize(builder, resource("create", "configmaps", { namespace: "other" })).allowed,
      false,
    );
    const other = user("system:serviceaccount:other:builder");
    assert.equal(authorizer.authorize(other, resource("create", "configmaps", { namespace: "team" })).allowed, false);
  });

  it("sees a write once it is stored, and names a missing role in the reason", async () => {
    const carl = user("carl");
    assert.equal(authorizer.authorize(carl, resource("get", "pods", { namespace: "a" })).reason, "");
    await put(store, policyCollections.clusterRoleBindings, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "carl-missing" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "missing" },
      subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "carl" }],
    });
    assert.deepEqual(authorizer.authorize(carl, resource("get", "pods", { namespace: "a" })), {
      allowed: false,
      reason: 'rbac: RBAC: clusterrole.rbac.authorization.k8s.io "missing" not found',
    });
    assert.deepEqual(authorizer.rulesFor(carl, "a"), {
      rules: [],
      error: 'clusterrole.rbac.authorization.k8s.io "missing" not found',
    });
  });

  it("words the 403 as kube-apiserver's Forbidden responder", () => {
    assert.equal(
      forbiddenMessage(user("x"), resource("list", "pods", { namespace: "default" })),
      'User "x" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    assert.equal(
      forbiddenMessage(user("x"), resource("update", "deployments", { apiGroup: "apps", subresource: "scale" })),
      'User "x" cannot update resource "deployments/scale" in API group "apps" at the cluster scope',
    );
    assert.equal(
      forbiddenMessage(user("x"), { ...resource("get", ""), resourceRequest: false, path: "/apis" }),
      'User "x" cannot get path "/apis"',
    );
  });
});
