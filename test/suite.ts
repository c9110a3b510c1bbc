/**
 * What the controller tests share: a local Kubernetes API server with this project's CRDs
 * installed (as kubebuilder's envtest suite_test.go sets one up), a client for it, and the
 * context a test passes when it calls a reconciler directly. Run `make manifests` first so
 * config/crd/bases holds the CRDs of the current types (`make test` does).
 */
import { fileURLToPath } from "node:url";
import { createClient, createKubeConfigTransport, discardLogger, type Client, type ReconcileContext } from "uselessctl";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";

/** The CRD folder `make manifests` writes. */
export const crdDirectory = fileURLToPath(new URL("../config/crd/bases", import.meta.url));

/** Starts a local API server with every CRD of config/crd/bases installed; `stop()` it when done. */
export function startProjectTestEnv(): Promise<TestEnv> {
  return startTestEnv({ crdDirectoryPaths: [crdDirectory] });
}

/**
 * A client that talks to the API server directly (no cache), as envtest's k8sClient: tests read
 * what they just wrote without starting a manager.
 */
export function apiClient(env: TestEnv): Client {
  return createClient({ transport: createKubeConfigTransport({ kubeConfig: env.kubeConfig }) });
}

/** The context for calling `reconcile` directly in a test, as the manager would. */
export function reconcileContext(controller: string): ReconcileContext {
  return { signal: AbortSignal.timeout(30_000), log: discardLogger, reconcileId: "test", controller };
}
