/**
 * `uselessctl/testenv`: API servers for tests and for a person at a terminal.
 *
 * The entry point is {@link startTestEnv}: it starts the embedded API server (default), the real
 * control plane from binaries (etcd, kube-apiserver, kube-controller-manager), or picks an existing
 * cluster (`USE_EXISTING_CLUSTER=true`), installs CRDs and returns a kubeconfig for it.
 * `findBinaryAssets` tells where the real binaries were found; `installCrds` works against any
 * cluster. The HTTP server itself (`apiserver/embedded/`) and its storage are not exported here.
 */
export {
  startTestEnv,
  DEFAULT_TEST_ENV_OPTIONS,
  type TestEnv,
  type TestEnvOptions,
  type ControlPlaneKind,
} from "./test_env.js";
export type { RunAsOptions, RunAsIdentity } from "./run_as.js";
export { MissingRbacError, markerFor, type ForbiddenRequest } from "./run_as_markers.js";
export {
  findBinaryAssets,
  controlPlaneCacheRoot,
  MissingBinaryError,
  BUILD_COMMAND,
  type BinaryAssets,
  type BinaryName,
  type AssetSource,
} from "./binaries/assets.js";
export { ChildProcessDiedError } from "./binaries/process.js";
export { installCrds, readCrdFiles, type CrdInstallOptions } from "./crd_install.js";
export {
  prepareWebhooks,
  installWebhooks,
  localClientConfig,
  DEFAULT_WEBHOOK_INSTALL_OPTIONS,
  type WebhookInstallOptions,
  type WebhookServing,
  type PreparedWebhooks,
  type WebhookConfiguration,
  type WebhookClientConfig,
} from "./webhook_install.js";
export { writeKubeconfig } from "./kubeconfig.js";
export { renderKubeconfig, type ApiServerEndpoint } from "../apimachinery/index.js";
export { KUBERNETES_VERSION } from "./kubernetes_version.js";
