/**
 * `startTestEnv()`: an API server for tests, as envtest gives Go users, with the CRDs installed
 * and Established. Three kinds of control plane:
 * - `"embedded"` (default, unless `USELESSCTL_TEST_CONTROL_PLANE=binaries`): uselessctl's own
 *   API server, in this process.
 * - `"binaries"`: real etcd + kube-apiserver + kube-controller-manager (garbage collector and
 *   namespace controllers) from `binaryAssetsDirectory`, `KUBEBUILDER_ASSETS`, uselessctl's build
 *   cache or the setup-envtest store.
 * - an existing cluster, with `USE_EXISTING_CLUSTER=true` (or `useExistingCluster`): the current
 *   kubeconfig's cluster; nothing is started and `stop()` leaves it alone.
 *
 * Guarantees: `stop()` ends every child process and removes every temporary folder, and so do a
 * failed start, the end of the Node.js process and SIGINT/SIGTERM; it can be called twice.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { findBinaryAssets } from "./binaries/assets.js";
import { serviceAccountUsername } from "./auth/service_account_user.js";
import { auditedDenials, auditFlags } from "./binaries/audit_log.js";
import { registerCleanup } from "./binaries/cleanup.js";
import { startControlPlane } from "./binaries/control_plane.js";
import { installCrds, type CrdInstallOptions } from "./crd_install.js";
import type { ApiServerEndpoint } from "../apimachinery/index.js";
import { writeKubeconfig } from "./kubeconfig.js";
import { setUpRunAs, serviceAccountOf, type RunAsIdentity, type RunAsOptions } from "./run_as.js";
import { MissingRbacError, type ForbiddenRequest } from "./run_as_markers.js";
import {
  installWebhooks,
  prepareWebhooks,
  type WebhookInstallOptions,
  type WebhookServing,
} from "./webhook_install.js";

/** Which API server a test environment runs. */
export type ControlPlaneKind = "embedded" | "binaries";

/** Options of {@link startTestEnv}; unset ones come from {@link DEFAULT_TEST_ENV_OPTIONS}. */
export interface TestEnvOptions {
  readonly controlPlane: ControlPlaneKind;
  /** Folder holding etcd, kube-apiserver (and kube-controller-manager) for `"binaries"`. */
  readonly binaryAssetsDirectory: string | undefined;
  /** Files or folders of CRD manifests to install. */
  readonly crdDirectoryPaths: readonly string[];
  readonly crdInstallOptions: Partial<Omit<CrdInstallOptions, "paths">>;
  /** Use the current kubeconfig's cluster; defaults to `USE_EXISTING_CLUSTER=true`. */
  readonly useExistingCluster: boolean;
  /** The API server's port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** Keep the server's data here across runs; a temporary folder otherwise. */
  readonly dataDir: string | undefined;
  /** Where to write the kubeconfig; inside the temporary folder otherwise. */
  readonly kubeconfigPath: string | undefined;
  /** For `"binaries"`: run kube-controller-manager (garbage collection, namespace deletion). */
  readonly controllerManager: boolean;
  readonly startTimeoutMs: number;
  /**
   * Run the manager under test as a service account with config/rbac's permissions:
   * `env.runAs` holds its kubeconfig, and `stop()` fails naming the +kubebuilder:rbac markers of
   * every request it was refused.
   */
  readonly runAs: RunAsOptions | undefined;
  /**
   * Install the Mutating/ValidatingWebhookConfigurations under `paths` pointing at the test's own
   * webhook server (envtest's WebhookInstallOptions); `env.webhookInstallOptions` says where it must serve.
   */
  readonly webhookInstallOptions: Partial<WebhookInstallOptions> | undefined;
}

/**
 * The default control plane: `USELESSCTL_TEST_CONTROL_PLANE=binaries` runs every test suite that
 * does not choose one on the real binaries (as `USE_EXISTING_CLUSTER` picks a real cluster).
 */
const CONTROL_PLANE_ENV = "USELESSCTL_TEST_CONTROL_PLANE";
// Checked by startTestEnv, so that a wrong value is an error there rather than at import.
const defaultControlPlane = (process.env[CONTROL_PLANE_ENV] || "embedded") as ControlPlaneKind;

/** Defaults of {@link startTestEnv}. */
export const DEFAULT_TEST_ENV_OPTIONS: TestEnvOptions = {
  controlPlane: defaultControlPlane,
  binaryAssetsDirectory: undefined,
  crdDirectoryPaths: [],
  crdInstallOptions: {},
  useExistingCluster: process.env["USE_EXISTING_CLUSTER"] === "true",
  port: 0,
  dataDir: undefined,
  kubeconfigPath: undefined,
  controllerManager: true,
  startTimeoutMs: 60_000,
  runAs: undefined,
  webhookInstallOptions: undefined,
};

/** A running test environment. */
export interface TestEnv {
  /** `"existing"` when `USE_EXISTING_CLUSTER` chose the current kubeconfig's cluster. */
  readonly controlPlane: ControlPlaneKind | "existing";
  readonly kubeconfigPath: string;
  readonly kubeConfig: KubeConfig;
  /** The API server's URL. */
  readonly url: string;
  /**
   * With `webhookInstallOptions`: the host, port, certificate folder and CA the manager's webhook
   * server must use (`createManager({ webhookServer: { host, port, certDir } })`).
   */
  readonly webhookInstallOptions?: WebhookServing;
  /** The service account identity made for the `runAs` option (its kubeconfig for the manager). */
  readonly runAs?: RunAsIdentity;
  /** The requests the `runAs` identity was refused so far. */
  forbiddenRequests(): readonly ForbiddenRequest[];
  /**
   * Stops what was started and removes temporary folders; idempotent. With `runAs`, then rejects
   * with a `MissingRbacError` if its identity was refused any request.
   */
  stop(): Promise<void>;
}

function existingClusterEnv(): TestEnv {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromDefault();
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error("USE_EXISTING_CLUSTER=true but the current kubeconfig names no cluster");
  const kubeconfigPath =
    (process.env["KUBECONFIG"] ?? "").split(":").find(Boolean) ?? join(homedir(), ".kube", "config");
  return {
    controlPlane: "existing",
    kubeconfigPath,
    kubeConfig,
    url: cluster.server,
    forbiddenRequests: () => [],
    stop: async () => undefined,
  };
}

/**
 * Starts an API server (or picks the existing cluster), installs the CRDs and waits until they
 * are Established.
 *
 * Errors: `MissingBinaryError` (which binary, where it looked, how to build it),
 * `ChildProcessDiedError` (the child's last output), a CRD
 * that cannot be read or installed. Nothing keeps running after a rejection.
 */
export async function startTestEnv(options: Partial<TestEnvOptions> = {}): Promise<TestEnv> {
  const o: TestEnvOptions = { ...DEFAULT_TEST_ENV_OPTIONS, ...options };
  if (o.controlPlane !== "embedded" && o.controlPlane !== "binaries") {
    const source = options.controlPlane === undefined ? `${CONTROL_PLANE_ENV}=` : "controlPlane: ";
    throw new Error(`${source}"${String(o.controlPlane)}": expected "embedded" or "binaries"`);
  }
  const crdInstall = { ...o.crdInstallOptions, paths: o.crdDirectoryPaths };
  if (o.useExistingCluster) {
    const env = existingClusterEnv();
    let existing: TestEnv = env;
    if (o.webhookInstallOptions) {
      const certDir = mkdtempSync(join(tmpdir(), "envtest-serving-certs-"));
      const webhooks = await prepareWebhooks(o.webhookInstallOptions, certDir);
      await installCrds(env.kubeConfig, { ...crdInstall, conversionWebhook: webhooks.serving });
      await installWebhooks(env.kubeConfig, webhooks, o.webhookInstallOptions);
      const stop = async (): Promise<void> => rmSync(certDir, { recursive: true, force: true });
      existing = { ...env, webhookInstallOptions: webhooks.serving, stop };
    } else await installCrds(env.kubeConfig, crdInstall);
    if (!o.runAs) return existing;
    const runAs = await setUpRunAs(
      env.kubeConfig,
      endpointOf(env.kubeConfig),
      o.runAs,
      join(tmpdir(), `uselessctl-runas-${process.pid}.kubeconfig`),
    );
    return { ...existing, runAs };
  }
  const runAsUsername = o.runAs ? usernameOf(o.runAs) : undefined;
  const forbidden: ForbiddenRequest[] = [];

  const temporary = mkdtempSync(join(tmpdir(), "uselessctl-testenv-"));
  const cleanup = registerCleanup([temporary], join(temporary, "pids"));
  let stopServer: () => Promise<void> = async () => undefined;
  let stopping: Promise<void> | undefined;
  let auditLog: string | undefined;
  const forbiddenRequests = (): readonly ForbiddenRequest[] =>
    auditLog && runAsUsername ? auditedDenials(auditLog, runAsUsername) : [...forbidden];
  const stop = () =>
    (stopping ??= (async () => {
      let refused: readonly ForbiddenRequest[] = [];
      try {
        refused = forbiddenRequests();
        await stopServer();
      } finally {
        cleanup.release();
      }
      if (runAsUsername && refused.length) throw new MissingRbacError(runAsUsername, refused);
    })());

  try {
    let endpoint: ApiServerEndpoint;
    if (o.controlPlane === "binaries") {
      if (runAsUsername) auditLog = join(temporary, "audit.log");
      const controlPlane = await startControlPlane({
        assets: findBinaryAssets({
          binaryAssetsDirectory: o.binaryAssetsDirectory,
          required: o.controllerManager
            ? ["etcd", "kube-apiserver", "kube-controller-manager"]
            : ["etcd", "kube-apiserver"],
        }),
        rootDirectory: o.dataDir ?? join(temporary, "control-plane"),
        port: o.port,
        controllerManager: o.controllerManager,
        // A kept data folder must survive a crash; a temporary one need not.
        unsafeNoFsync: o.dataDir === undefined,
        startTimeoutMs: o.startTimeoutMs,
        cleanup,
        ...(runAsUsername && auditLog ? { apiServerFlags: auditFlags(temporary, auditLog, runAsUsername) } : {}),
      });
      stopServer = controlPlane.stop;
      endpoint = controlPlane;
    } else {
      // Loaded on demand, so that a binaries-only user never loads the embedded server's code.
      const { startEmbeddedApiServer } = await import("./embedded/index.js");
      const server = await startEmbeddedApiServer({
        port: o.port,
        host: "127.0.0.1",
        ...(o.dataDir ? { dataDir: o.dataDir } : {}),
        onForbidden: (user, attributes) => {
          if (user.username === runAsUsername) forbidden.push({ ...attributes });
        },
      });
      stopServer = server.stop;
      endpoint = server;
    }
    const kubeconfigPath = o.kubeconfigPath ?? join(temporary, "kubeconfig");
    const kubeConfig = writeKubeconfig(kubeconfigPath, endpoint);
    // Prepared before the CRDs, as envtest does, so that conversion webhooks can point at it too.
    const webhooks = o.webhookInstallOptions
      ? await prepareWebhooks(o.webhookInstallOptions, join(temporary, "webhook-serving-certs"))
      : undefined;
    await installCrds(kubeConfig, { ...crdInstall, conversionWebhook: webhooks?.serving });
    if (webhooks) await installWebhooks(kubeConfig, webhooks, o.webhookInstallOptions);
    const runAs = o.runAs
      ? await setUpRunAs(kubeConfig, endpoint, o.runAs, join(temporary, "runas-kubeconfig"))
      : undefined;
    const env: TestEnv = {
      controlPlane: o.controlPlane,
      kubeconfigPath,
      kubeConfig,
      url: endpoint.url,
      ...(runAs ? { runAs } : {}),
      forbiddenRequests,
      stop,
    };
    return webhooks ? { ...env, webhookInstallOptions: webhooks.serving } : env;
  } catch (error) {
    await stop();
    throw error;
  }
}

function usernameOf(runAs: RunAsOptions): string {
  const { namespace, name } = serviceAccountOf(runAs.serviceAccount);
  return serviceAccountUsername(namespace, name);
}

function endpointOf(kubeConfig: KubeConfig): ApiServerEndpoint {
  const cluster = kubeConfig.getCurrentCluster();
  const user = kubeConfig.getCurrentUser();
  if (!cluster?.caData || !user?.token) throw new Error("runAs needs a kubeconfig with CA data and a token");
  return {
    url: cluster.server,
    caCertificatePem: Buffer.from(cluster.caData, "base64").toString("utf8"),
    token: user.token,
  };
}
