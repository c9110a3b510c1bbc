import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { StatusError } from "../../errors/status.js";
import { Store, objectKey } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import type { UserInfo } from "../user.js";
import { RbacAuthorizer } from "./authorizer.js";
import { checkRbacWrite } from "./escalation.js";
import { policyCollections } from "./policy_index.js";

const lead: UserInfo = { username: "lead", uid: "", groups: ["system:authenticated"], extra: {} };
const rbac = "rbac.authorization.k8s.io";

function role(name: string, rules: object[], extra: object = {}): KubeObject {
  return { apiVersion: `${rbac}/v1`, kind: "Role", metadata: { name, namespace: "team" }, rules, ...extra };
}

function roleBinding(name: string, roleRef: { kind: string; name: string }): KubeObject {
  return {
    apiVersion: `${rbac}/v1`,
    kind: "RoleBinding",
    metadata: { name, namespace: "team" },
    roleRef: { apiGroup: rbac, ...roleRef },
    subjects: [{ kind: "User", apiGroup: rbac, name: "x" }],
  };
}

/** The refusal of `write`, as its status code and message. */
function refusal(write: () => void): { code: number; message: string } | undefined {
  try {
    write();
    return undefined;
  } catch (error) {
    assert.ok(error instanceof StatusError);
    return { code: error.code, message: error.message };
  }
}

describe("checkRbacWrite", () => {
  let store: Store;
  let authorizer: RbacAuthorizer;
  before(async () => {
    store = await Store.open();
    authorizer = new RbacAuthorizer(store);
    const put = (collection: string, object: KubeObject) =>
      store.put(collection, objectKey(object.metadata.namespace, object.metadata.name ?? ""), object).durable;
    await put(
      policyCollections.roles,
      role("lead", [
        { verbs: ["create", "update", "patch", "get"], apiGroups: [rbac], resources: ["roles", "rolebindings"] },
        { verbs: ["get", "list"], apiGroups: [""], resources: ["pods", "configmaps"] },
      ]),
    );
    await put(policyCollections.roles, role("subset", [{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }]));
    await put(policyCollections.roles, role("secrets", [{ verbs: ["get"], apiGroups: [""], resources: ["secrets"] }]));
    await put(policyCollections.roleBindings, {
      ...roleBinding("lead", { kind: "Role", name: "lead" }),
      subjects: [{ kind: "User", apiGroup: rbac, name: "lead" }],
    });
  });
  after(() => authorizer.stop());

  it("lets a user grant the rules it holds, and names the ones it does not, compacted and sorted", () => {
    assert.equal(
      refusal(() =>
        checkRbacWrite(
          authorizer,
          lead,
          "roles",
          role("ok", [{ verbs: ["list"], apiGroups: [""], resources: ["pods"] }]),
          undefined,
        ),
      ),
      undefined,
    );
    const more = role("more", [
      { verbs: ["get", "delete"], apiGroups: ["", "apps"], resources: ["pods", "secrets"] },
      { verbs: ["list"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["a", "b"] },
      { verbs: ["get"], nonResourceURLs: ["/x"] },
    ]);
    // kube-apiserver v1.37.2's answer to this same write.
    assert.deepEqual(
      refusal(() => checkRbacWrite(authorizer, lead, "roles", more, undefined)),
      {
        code: 403,
        message:
          'roles.rbac.authorization.k8s.io "more" is forbidden: user "lead" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
          '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}\n' +
          '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "delete"]}\n' +
          '{APIGroups:["apps"], Resources:["pods"], Verbs:["get" "delete"]}\n' +
          '{APIGroups:["apps"], Resources:["secrets"], Verbs:["get" "delete"]}\n' +
          '{NonResourceURLs:["/x"], Verbs:["get"]}',
      },
    );
  });

  it("checks a binding against its role's rules, and reports a missing role as kube-apiserver's store does", () => {
    assert.equal(
      refusal(() =>
        checkRbacWrite(authorizer, lead, "rolebindings", roleBinding("b", { kind: "Role", name: "subset" }), undefined),
      ),
      undefined,
    );
    assert.equal(
      refusal(() =>
        checkRbacWrite(
          authorizer,
          lead,
          "rolebindings",
          roleBinding("b", { kind: "Role", name: "secrets" }),
          undefined,
        ),
      )?.code,
      403,
    );
    assert.deepEqual(
      refusal(() =>
        checkRbacWrite(
          authorizer,
          lead,
          "rolebindings",
          roleBinding("b", { kind: "ClusterRole", name: "missing" }),
          undefined,
        ),
      ),
      {
        code: 404,
        message: 'rolebindings.rbac.authorization.k8s.io "missing" not found',
      },
    );
  });

  it("requires cluster-admin's rules for an aggregationRule, and lets system:masters write anything", () => {
    const aggregated: KubeObject = {
      apiVersion: `${rbac}/v1`,
      kind: "ClusterRole",
      metadata: { name: "agg" },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: "b" } }] },
    };
    assert.deepEqual(
      refusal(() => checkRbacWrite(authorizer, lead, "clusterroles", aggregated, undefined)),
      {
        code: 403,
        message:
          'clusterroles.rbac.authorization.k8s.io "agg" is forbidden: must have cluster-admin privileges to use the aggregationRule',
      },
    );
    const admin: UserInfo = { ...lead, groups: ["system:masters"] };
    assert.equal(
      refusal(() => checkRbacWrite(authorizer, admin, "clusterroles", aggregated, undefined)),
      undefined,
    );
  });
});
