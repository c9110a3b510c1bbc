/**
 * What the controller tests share: a local Kubernetes API server with this project's CRDs
 * installed (as kubebuilder's envtest suite_test.go sets one up), and the context a test passes
 * when it calls a reconciler directly. Run `make manifests` first so config/crd/bases holds the
 * CRDs of the current types (`make test` does).
 */
import { fileURLToPath } from "node:url";
import { discardLogger, type ReconcileContext } from "uselessctl";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";

/** The CRD folder `make manifests` writes. */
export const crdDirectory = fileURLToPath(new URL("../config/crd/bases", import.meta.url));

/** Starts a local API server with every CRD of config/crd/bases installed; `stop()` it when done. */
export function startProjectTestEnv(): Promise<TestEnv> {
  return startTestEnv({ crdDirectoryPaths: [crdDirectory] });
}

/** The context for calling `reconcile` directly in a test, as the manager would. */
export function reconcileContext(controller: string): ReconcileContext {
  return { signal: AbortSignal.timeout(30_000), log: discardLogger, reconcileId: "test", controller };
}
