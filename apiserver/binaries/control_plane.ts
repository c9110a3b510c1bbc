/**
 * The real control plane as child processes: etcd, kube-apiserver and (optionally)
 * kube-controller-manager with only the garbage collector, namespace and ClusterRole aggregation controllers, all on
 * loopback ports picked free, all files in one folder.
 *
 * Guarantees: `startControlPlane` either resolves with every component ready (`/readyz` of the
 * API server, `/healthz` of the controller manager) or rejects after stopping whatever it started
 * (a child that died is named with its last output). `stop()` ends every child; the owner removes
 * the folder. Node.js exiting or receiving SIGINT/SIGTERM/SIGKILL cleans up too (see cleanup.ts).
 *
 * Caveats: kube-apiserver generates its own self-signed serving certificate and CA in
 * `<root>/certs` (Node.js cannot create X.509 certificates without a dependency); that bundle is
 * the CA handed to clients.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ApiServerEndpoint } from "../../apimachinery/index.js";
import { writeKubeconfig } from "../kubeconfig.js";
import type { BinaryAssets } from "./assets.js";
import { MissingBinaryError } from "./assets.js";
import type { CleanupRegistration } from "./cleanup.js";
import { freeLoopbackPorts } from "./ports.js";
import { probeOnce, waitUntil } from "./probe.js";
import { startSupervisedProcess, unlessDied, type SupervisedProcess } from "./process.js";

/** Options of {@link startControlPlane}; unset ones come from {@link DEFAULT_CONTROL_PLANE_OPTIONS}. */
export interface ControlPlaneOptions {
  readonly assets: BinaryAssets;
  /** Holds etcd's data, certificates, keys and kubeconfigs; created if missing. */
  readonly rootDirectory: string;
  /** kube-apiserver's port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** The admin bearer token (user `admin` in `system:masters`); empty generates one. */
  readonly token: string;
  /** Run kube-controller-manager (garbage collector, namespace deletion). */
  readonly controllerManager: boolean;
  /** Skip etcd's fsync: much faster, and fine for throw-away test data. */
  readonly unsafeNoFsync: boolean;
  readonly startTimeoutMs: number;
  /** Extra kube-apiserver flags, e.g. `--feature-gates=...`. */
  readonly apiServerFlags: readonly string[];
  /** Receives every started child's pid at once, for the orphan safety net. */
  readonly cleanup: Pick<CleanupRegistration, "addPid"> | undefined;
}

/** Defaults of {@link startControlPlane}. */
export const DEFAULT_CONTROL_PLANE_OPTIONS: Omit<ControlPlaneOptions, "assets" | "rootDirectory"> = {
  port: 0,
  token: "",
  controllerManager: true,
  unsafeNoFsync: true,
  startTimeoutMs: 60_000,
  apiServerFlags: [],
  cleanup: undefined,
};

/** A started control plane. */
export interface RunningControlPlane extends ApiServerEndpoint {
  /** The children, for diagnostics and tests. */
  readonly processes: readonly SupervisedProcess[];
  /** Stops every child (controller manager, API server, etcd, in that order). */
  stop(): Promise<void>;
}

function binaryPath(assets: BinaryAssets, name: "etcd" | "kube-apiserver" | "kube-controller-manager"): string {
  const path = assets.paths[name];
  if (!path) throw new MissingBinaryError(name, [`${assets.directory} (${assets.source})`]);
  return path;
}

/** Writes the files kube-apiserver needs: token file and service-account signing key. */
function writeApiServerFiles(root: string, token: string): { tokenFile: string; serviceAccountKey: string } {
  const tokenFile = join(root, "tokens.csv");
  if (!existsSync(tokenFile)) writeFileSync(tokenFile, `${token},admin,admin,system:masters\n`, { mode: 0o600 });
  const serviceAccountKey = join(root, "service-account.key");
  if (!existsSync(serviceAccountKey)) {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    writeFileSync(serviceAccountKey, privateKey.export({ type: "sec1", format: "pem" }), { mode: 0o600 });
  }
  return { tokenFile, serviceAccountKey };
}

/** The token of an existing folder (a kept `--data-dir`), or a new random one. */
function adminToken(root: string, requested: string): string {
  if (requested) return requested;
  const tokenFile = join(root, "tokens.csv");
  if (existsSync(tokenFile)) return readFileSync(tokenFile, "utf8").split(",")[0] ?? "";
  return randomBytes(24).toString("base64url");
}

/**
 * Starts etcd, kube-apiserver and kube-controller-manager and waits until they serve.
 *
 * Errors: `MissingBinaryError`; `ChildProcessDiedError` with the child's last output; a timeout
 * error naming the component that did not become ready. Every started child is stopped first.
 */
export async function startControlPlane(
  options: Partial<ControlPlaneOptions> & Pick<ControlPlaneOptions, "assets" | "rootDirectory">,
): Promise<RunningControlPlane> {
  const o: ControlPlaneOptions = { ...DEFAULT_CONTROL_PLANE_OPTIONS, ...options };
  const root = o.rootDirectory;
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const started: SupervisedProcess[] = [];
  const stopAll = async () => {
    for (const child of [...started].reverse()) await child.stop();
  };
  const launch = (name: string, command: string, args: string[]) => {
    const child = startSupervisedProcess({ name, command, args, cwd: root });
    started.push(child);
    if (child.pid > 0) o.cleanup?.addPid(child.pid);
    return child;
  };
  const deadline = Date.now() + o.startTimeoutMs;
  // Ends every poll still running once the start has failed.
  const startFailed = new AbortController();
  const signal = startFailed.signal;
  const remaining = () => Math.max(1_000, deadline - Date.now());

  try {
    const [etcdClientPort, etcdPeerPort, freeApiPort, controllerManagerPort] = await freeLoopbackPorts(4);
    const apiPort = o.port || freeApiPort;
    const etcdUrl = `http://127.0.0.1:${etcdClientPort}`;
    const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
    const etcd = launch("etcd", binaryPath(o.assets, "etcd"), [
      `--data-dir=${join(root, "etcd")}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=default=${peerUrl}`,
      "--log-level=warn",
      ...(o.unsafeNoFsync ? ["--unsafe-no-fsync"] : []),
    ]);
    await unlessDied(
      etcd,
      waitUntil(
        async () => {
          const { status, body } = await probeOnce({ url: `${etcdUrl}/health` });
          if (status !== 200) throw new Error(`etcd /health: ${status} ${body}`);
          return true;
        },
        { what: "etcd to serve /health", timeoutMs: remaining(), intervalMs: 100, signal },
      ),
    );

    const token = adminToken(root, o.token);
    const { tokenFile, serviceAccountKey } = writeApiServerFiles(root, token);
    const certDirectory = join(root, "certs");
    const url = `https://127.0.0.1:${apiPort}`;
    const apiServer = launch("kube-apiserver", binaryPath(o.assets, "kube-apiserver"), [
      `--etcd-servers=${etcdUrl}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${apiPort}`,
      `--cert-dir=${certDirectory}`,
      `--token-auth-file=${tokenFile}`,
      "--authorization-mode=RBAC",
      `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
      `--service-account-key-file=${serviceAccountKey}`,
      `--service-account-signing-key-file=${serviceAccountKey}`,
      "--service-cluster-ip-range=10.0.0.0/24",
      // As envtest: no token controller runs, so pods could not get service-account tokens.
      "--disable-admission-plugins=ServiceAccount",
      "--allow-privileged=true",
      // The kubernetes Service's endpoints cannot name a loopback address; no Service is served here.
      "--endpoint-reconciler-type=none",
      "--profiling=false",
      // API priority and fairness only schedules requests; its bootstrap costs seconds at start.
      "--enable-priority-and-fairness=false",
      ...o.apiServerFlags,
    ]);
    // kube-apiserver writes apiserver.crt (serving certificate, then its CA) first thing.
    const bundle = join(certDirectory, "apiserver.crt");
    const caCertificatePem = await unlessDied(
      apiServer,
      waitUntil(
        async () => {
          const pem = existsSync(bundle) ? readFileSync(bundle, "utf8") : "";
          if ((pem.match(/-----END CERTIFICATE-----/g) ?? []).length < 2) throw new Error(`${bundle} not written yet`);
          return pem;
        },
        { what: `kube-apiserver to write ${bundle}`, timeoutMs: remaining(), intervalMs: 50, signal },
      ),
    );
    const endpoint: ApiServerEndpoint = { url, caCertificatePem, token };
    const apiServerReady = unlessDied(
      apiServer,
      waitUntil(
        async () => {
          const { status, body } = await probeOnce({ url: `${url}/readyz`, caCertificatePem, token });
          if (status !== 200) throw new Error(`kube-apiserver /readyz: ${status} ${body.slice(0, 300)}`);
          return true;
        },
        { what: "kube-apiserver to be ready (/readyz)", timeoutMs: remaining(), intervalMs: 100, signal },
      ),
    );

    let controllerManagerReady: Promise<unknown> = Promise.resolve();
    if (o.controllerManager) {
      // kube-controller-manager exits when its first requests time out (10 s TLS handshake), which
      // a still-starting API server on a busy machine can cause: start it once the server is ready.
      await apiServerReady;
      const kubeconfig = join(root, "controller-manager.kubeconfig");
      writeKubeconfig(kubeconfig, endpoint);
      const controllerManager = launch("kube-controller-manager", binaryPath(o.assets, "kube-controller-manager"), [
        `--kubeconfig=${kubeconfig}`,
        `--authentication-kubeconfig=${kubeconfig}`,
        `--authorization-kubeconfig=${kubeconfig}`,
        "--controllers=garbagecollector,namespace,clusterrole-aggregation",
        "--use-service-account-credentials=false",
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        `--secure-port=${controllerManagerPort}`,
        `--cert-dir=${join(root, "controller-manager-certs")}`,
        "--profiling=false",
      ]);
      controllerManagerReady = unlessDied(
        controllerManager,
        waitUntil(
          async () => {
            const { status, body } = await probeOnce({
              url: `https://127.0.0.1:${controllerManagerPort}/healthz`,
              insecure: true,
            });
            if (status !== 200) throw new Error(`kube-controller-manager /healthz: ${status} ${body.slice(0, 300)}`);
            return true;
          },
          { what: "kube-controller-manager to be healthy (/healthz)", timeoutMs: remaining(), intervalMs: 100, signal },
        ),
      );
    }
    // The first failure stops the other wait and is the one reported.
    let firstFailure: unknown;
    await Promise.all(
      [apiServerReady, controllerManagerReady].map((wait) =>
        wait.catch((error: unknown) => {
          firstFailure ??= error;
          startFailed.abort();
        }),
      ),
    );
    if (firstFailure !== undefined) throw firstFailure;

    return { ...endpoint, processes: [...started], stop: stopAll };
  } catch (error) {
    startFailed.abort();
    await stopAll();
    throw error;
  }
}
