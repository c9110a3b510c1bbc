import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { CoordinationV1Api, CoreV1Api } from "@kubernetes/client-node";
import { findBinaryAssets, MissingBinaryError } from "../../apiserver/binaries/assets.js";
import { MissingRbacError } from "../../apiserver/run_as_markers.js";
import { startTestEnv, type ControlPlaneKind } from "../../apiserver/test_env.js";

const rbacDir = mkdtempSync(join(tmpdir(), "uselessctl-run-as-rbac-"));
after(() => rmSync(rbacDir, { recursive: true, force: true }));

// As kubebuilder lays out config/rbac: the markers' ClusterRole, the leader-election Role, and
// bindings to the manager's service account in the kustomize placeholder namespace "system".
writeFileSync(
  join(rbacDir, "kustomization.yaml"),
  "resources:\n- role.yaml\n- role_binding.yaml\n- leader_election_role.yaml\n- leader_election_role_binding.yaml\n",
);
writeFileSync(
  join(rbacDir, "role.yaml"),
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: run-as-manager-role
rules:
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get, list, watch]
`,
);
writeFileSync(
  join(rbacDir, "role_binding.yaml"),
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: run-as-manager-rolebinding
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: run-as-manager-role}
subjects:
- {kind: ServiceAccount, name: controller-manager, namespace: system}
`,
);
writeFileSync(
  join(rbacDir, "leader_election_role.yaml"),
  `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: leader-election-role
rules:
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [get, list, watch, create, update, patch, delete]
`,
);
writeFileSync(
  join(rbacDir, "leader_election_role_binding.yaml"),
  `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: leader-election-rolebinding
  namespace: system
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: leader-election-role}
subjects:
- {kind: ServiceAccount, name: controller-manager, namespace: system}
`,
);

function binariesUnavailable(): string | undefined {
  try {
    findBinaryAssets();
    return undefined;
  } catch (error) {
    if (error instanceof MissingBinaryError) return "real control plane not built";
    throw error;
  }
}

for (const controlPlane of ["embedded", "binaries"] as ControlPlaneKind[]) {
  const skip = controlPlane === "binaries" ? binariesUnavailable() : undefined;
  describe(`startTestEnv({ runAs }) on the ${controlPlane} control plane`, { skip }, () => {
    it("runs as the service account with config/rbac's grants, and stop() names the marker a refused request needs", async () => {
      const env = await startTestEnv({
        controlPlane,
        useExistingCluster: false,
        runAs: { serviceAccount: "operator-system/manager", rbacDir },
      });
      let stopped = false;
      try {
        const runAs = env.runAs;
        assert.ok(runAs);
        assert.equal(runAs.username, "system:serviceaccount:operator-system:manager");
        const core = runAs.kubeConfig.makeApiClient(CoreV1Api);
        await core.listNamespacedConfigMap({ namespace: "default" });
        const leases = runAs.kubeConfig.makeApiClient(CoordinationV1Api);
        await leases.createNamespacedLease({
          namespace: "operator-system",
          body: { metadata: { name: "manager-lock" }, spec: { holderIdentity: "test" } },
        });
        // The leader-election Role is in the manager's namespace only.
        await assert.rejects(leases.listNamespacedLease({ namespace: "default" }), /403|forbidden/i);
        await assert.rejects(core.listNamespacedSecret({ namespace: "default" }), /403|forbidden/i);
        // The audit log is written asynchronously by kube-apiserver.
        const deadline = Date.now() + 10_000;
        while (env.forbiddenRequests().length < 2 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100));
        assert.deepEqual(
          env
            .forbiddenRequests()
            .map((request) => `${request.verb} ${request.apiGroup}/${request.resource} ${request.namespace}`),
          ["list coordination.k8s.io/leases default", "list /secrets default"],
        );
        stopped = true;
        await assert.rejects(env.stop(), (error: unknown) => {
          assert.ok(error instanceof MissingRbacError);
          assert.match(error.message, /\+kubebuilder:rbac:groups=core,resources=secrets,verbs=list$/m);
          assert.match(
            error.message,
            /\+kubebuilder:rbac:groups=coordination\.k8s\.io,resources=leases,verbs=list,namespace=default/,
          );
          return true;
        });
      } finally {
        if (!stopped) await env.stop().catch(() => undefined);
      }
    });
  });
}
