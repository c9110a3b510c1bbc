/**
 * What the controller tests share: a Kubernetes API server with this project's CRDs installed
 * (as kubebuilder's envtest suite_test.go sets one up), a client for it, the context a test
 * passes when it calls a reconciler directly, and a wait for what comes by itself. Run `make
 * manifests` first so config/crd/bases holds the CRDs of the current types (`make test` does).
 */
import { fileURLToPath } from "node:url";
import { createClient, createKubeConfigTransport, discardLogger, type Client, type ReconcileContext } from "uselessctl";
import { startTestEnv, type TestEnv, type TestEnvOptions } from "uselessctl/testenv";

/** The CRD folder `make manifests` writes. */
export const crdDirectory = fileURLToPath(new URL("../config/crd/bases", import.meta.url));

/**
 * Starts an API server with every CRD of config/crd/bases installed: the local one by default,
 * the real control plane with `{ controlPlane: "binaries" }`, the current cluster with
 * USE_EXISTING_CLUSTER=true. `stop()` it when done.
 */
export function startProjectTestEnv(options: Partial<TestEnvOptions> = {}): Promise<TestEnv> {
  return startTestEnv({ ...options, crdDirectoryPaths: [crdDirectory] });
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

/**
 * Calls `check` until it returns something other than undefined or false (Gomega's Eventually),
 * retrying when it throws; fails after `timeoutMs` with what was awaited and the last error.
 */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`, { cause: lastError });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
