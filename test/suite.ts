/**
 * What the controller tests share: a local Kubernetes API server with this project's CRDs
 * installed (as kubebuilder's envtest suite_test.go sets one up), clients for it, and the
 * context a test passes when it calls a reconciler directly. The reconcilers run as the
 * manager's service account with exactly the permissions config/rbac gives it, so a missing
 * +kubebuilder:rbac marker fails the test that needs it. Run `make manifests` first so
 * config/crd/bases and config/rbac/role.yaml match the code (`make test` does).
 */
import { fileURLToPath } from "node:url";
import { createClient, createKubeConfigTransport, discardLogger, type Client, type ReconcileContext } from "uselessctl";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";

/** The CRD folder `make manifests` writes. */
export const crdDirectory = fileURLToPath(new URL("../config/crd/bases", import.meta.url));

/** The folder of the manager's Roles and bindings; `make manifests` writes its ClusterRole there. */
export const rbacDirectory = fileURLToPath(new URL("../config/rbac", import.meta.url));

/** The manager's service account, as config/default deploys it. */
export const managerServiceAccount = "uselessctl-system/controller-manager";

/**
 * Starts a local API server with every CRD of config/crd/bases installed and the manager's
 * service account bound to config/rbac's roles. `stop()` it when done: it fails, naming the
 * marker to add, if RBAC refused the manager's identity anything.
 */
export function startProjectTestEnv(): Promise<TestEnv> {
  return startTestEnv({
    crdDirectoryPaths: [crdDirectory],
    runAs: { serviceAccount: managerServiceAccount, rbacDir: rbacDirectory },
  });
}

/** A client acting as the manager's service account (no cache): what reconcilers get in tests. */
export function managerClient(env: TestEnv): Client {
  if (!env.runAs) throw new Error("the test environment was started without runAs");
  return createClient({ transport: createKubeConfigTransport({ kubeConfig: env.runAs.kubeConfig }) });
}

/**
 * An admin client that talks to the API server directly (no cache), as envtest's k8sClient: tests
 * set up and read objects without starting a manager.
 */
export function apiClient(env: TestEnv): Client {
  return createClient({ transport: createKubeConfigTransport({ kubeConfig: env.kubeConfig }) });
}

/** The context for calling `reconcile` directly in a test, as the manager would. */
export function reconcileContext(controller: string): ReconcileContext {
  return { signal: AbortSignal.timeout(30_000), log: discardLogger, reconcileId: "test", controller };
}
