/**
 * What the operator's e2e tests drive: a local API server (`uselessctl/testenv`), the operator as
 * its own process (`main.ts`, as `make run` starts it), the real `kubectl`, and a watch through
 * `@kubernetes/client-node` that timestamps every change of the switches.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { eventually } from "../helpers/eventually.js";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const execFileAsync = promisify(execFile);

/**
 * The Machine resource at v1alpha1, for kubectl: with v1beta1 served too, `kubectl get machine`
 * reads the preferred version (v1beta1, whose count is `spec.switchCount`), and a cluster started
 * without the operator's webhooks converts with strategy None (as envtest without
 * WebhookInstallOptions), which only sets the apiVersion; these tests speak v1alpha1.
 */
export const MACHINES_V1ALPHA1 = "machines.v1alpha1.useless.container.training";

/** What must exist before the operator can run end to end, with what provides it. */
const PREREQUISITES: readonly [path: string, what: string][] = [
  ["runtime/index.ts", "the controller runtime (issue #4)"],
  ["apiserver/index.ts", "the local API server (issue #3)"],
  ["api/v1alpha1/index.ts", "the Machine and Switch types (issue #2)"],
  ["config/crd/bases", "the generated CRDs (issue #2)"],
  ["config/samples", "the samples (issue #2)"],
  ["controllers/machine_controller.ts", "the controller's registration with the runtime (issue #6)"],
];

/** Why the e2e tests cannot run yet (one line), or undefined when they can. */
export function missingPrerequisite(): string | undefined {
  for (const [path, what] of PREREQUISITES) {
    if (!existsSync(`${ROOT}/${path}`)) return `needs ${what}: ${path} is not on this branch yet`;
  }
  return undefined;
}

/** Where the operator serves its webhooks, which the cluster's webhook configurations call. */
export interface WebhookServing {
  localServingHost: string;
  localServingPort: number;
  localServingCertDir: string;
}

/** A running local API server with the CRDs (and, when asked, the webhook configurations) installed. */
export interface Cluster {
  kubeconfigPath: string;
  webhookInstallOptions?: WebhookServing;
  /** With `runAs`: the service account's kubeconfig, for the operator. */
  runAs?: { kubeconfigPath: string; username: string };
  forbiddenRequests?(): readonly unknown[];
  /** With `runAs`, rejects naming the markers of the requests RBAC refused the operator. */
  stop(): Promise<void>;
}

/** The operator's own identity: config/rbac's grants to a service account (startTestEnv's runAs). */
export interface RunAs {
  serviceAccount: string;
  rbacDir: string;
}

/**
 * The kinds the operator converts at `/convert` (webhooks/v1alpha1/machine_webhook.ts registers
 * v1alpha1 Machine as the hub of v1beta1): their CRDs get the Webhook conversion that
 * config/crd/patches/webhook_in_machines.yaml gives them in a cluster, as envtest asks its scheme
 * for the convertible kinds.
 */
const CONVERTIBLE_KINDS = [{ group: "useless.container.training", kind: "Machine" }];

/**
 * Starts the local API server with this repository's CRDs, as envtest would; with `webhooks`,
 * also config/webhook's configurations, pointing at `cluster.webhookInstallOptions`, and the
 * Machine CRD converting through the operator's `/convert` there; with `runAs`,
 * the operator's service account bound to config/rbac's roles.
 */
export async function startCluster(options: { webhooks?: boolean; runAs?: RunAs } = {}): Promise<Cluster> {
  // A variable specifier, so that this file type-checks before the API server exists.
  const specifier = "uselessctl/testenv";
  const testenv = (await import(specifier)) as {
    startTestEnv(options: {
      crdDirectoryPaths: string[];
      webhookInstallOptions?: { paths: string[] };
      crdInstallOptions?: { convertibleKinds: typeof CONVERTIBLE_KINDS };
      runAs?: RunAs;
    }): Promise<Cluster>;
  };
  return testenv.startTestEnv({
    crdDirectoryPaths: [`${ROOT}/config/crd/bases`],
    ...(options.webhooks
      ? {
          webhookInstallOptions: { paths: [`${ROOT}/config/webhook`] },
          crdInstallOptions: { convertibleKinds: CONVERTIBLE_KINDS },
        }
      : {}),
    ...(options.runAs ? { runAs: options.runAs } : {}),
  });
}

/** Runs the real kubectl against the cluster; resolves to stdout, rejects with stderr. */
export async function kubectl(cluster: Cluster, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync("kubectl", ["--kubeconfig", cluster.kubeconfigPath, ...args], { cwd: ROOT });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`kubectl ${args.join(" ")} failed: ${stderr || String(error)}`);
  }
}

/** `kubectl apply -f -` of a manifest given as YAML or JSON text. */
export async function kubectlApply(cluster: Cluster, manifest: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      "kubectl",
      ["--kubeconfig", cluster.kubeconfigPath, "apply", "-f", "-"],
      (error, _stdout, stderr) =>
        error ? reject(new Error(`kubectl apply failed: ${stderr || String(error)}`)) : resolve(),
    );
    child.stdin?.end(manifest);
  });
}

/**
 * Creates a namespace. Through `kubectl apply` (JSON) rather than `kubectl create namespace`,
 * which sends protobuf for built-in kinds.
 */
export async function createNamespace(cluster: Cluster, name: string): Promise<void> {
  await kubectlApply(cluster, JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name } }));
}

/** Operator settings in Go duration form, passed as flags. */
export interface OperatorFlags {
  flipDelay: string;
  flipInterval: string;
  /** Extra flags (`--max-switches=3`). */
  extra?: string[];
}

/** The operator running as its own process, as `make run` starts it. */
export class OperatorProcess {
  readonly #child: ChildProcess;
  readonly #exited: Promise<number | null>;
  output = "";

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.#exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  /**
   * Starts main.ts against the cluster (as its runAs identity if it has one); its webhooks are served where the cluster's webhook
   * configurations call them, and turned off (ENABLE_WEBHOOKS=false) when it has none.
   */
  static start(cluster: Cluster, flags: OperatorFlags): OperatorProcess {
    const serving = cluster.webhookInstallOptions;
    const webhookFlags = serving
      ? [
          `--webhook-bind-address=${serving.localServingHost}:${serving.localServingPort}`,
          `--webhook-cert-dir=${serving.localServingCertDir}`,
        ]
      : [];
    const child = spawn(
      process.execPath,
      [
        "--conditions=uselessctl-source",
        "--import",
        "tsx",
        "main.ts",
        `--flip-delay=${flags.flipDelay}`,
        `--flip-interval=${flags.flipInterval}`,
        "--metrics-bind-address=0",
        "--health-probe-bind-address=0",
        ...webhookFlags,
        ...(flags.extra ?? []),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          KUBECONFIG: cluster.runAs?.kubeconfigPath ?? cluster.kubeconfigPath,
          NO_COLOR: "1",
          ...(serving ? {} : { ENABLE_WEBHOOKS: "false" }),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    return new OperatorProcess(child);
  }

  /**
   * Resolves once its controller runs (caches synced, workers started: the runtime logs
   * "Starting workers"), so that start-up time never eats into a test's own wait.
   */
  async ready(timeoutMs = 60_000): Promise<void> {
    await eventually(
      "the operator's workers to start",
      async () => {
        if (this.#child.exitCode !== null) throw new Error(`the operator exited early:\n${this.output}`);
        return this.output.includes("Starting workers") ? true : undefined;
      },
      timeoutMs,
    );
  }

  /** Stops it with `signal` and resolves to its exit code. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill(signal);
    return this.#exited;
  }
}

/** A Switch as the tests read it. */
export interface SwitchObject {
  metadata: {
    name: string;
    uid: string;
    creationTimestamp: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[];
  };
  spec: { position: "up" | "down" };
  status?: { seenAt?: string };
}

/** A Machine as the tests read it. */
export interface MachineObject {
  metadata: { name: string; uid: string; generation: number; annotations?: Record<string, string> };
  spec: { switches: number; switchPosition?: "up" | "down" };
  status?: {
    switches?: number;
    positions?: string;
    observedGeneration?: number;
    conditions?: { type: string; status: string; reason: string }[];
  };
}

/** `kubectl get <resource> -o json` items. */
export async function getItems<T>(
  cluster: Cluster,
  namespace: string,
  resource: string,
  ...args: string[]
): Promise<T[]> {
  return (JSON.parse(await kubectl(cluster, "get", resource, "-n", namespace, "-o", "json", ...args)) as { items: T[] })
    .items;
}

/** Switches of a machine (by label), oldest first. */
export async function switchesOf(cluster: Cluster, namespace: string, machine: string): Promise<SwitchObject[]> {
  const items = await getItems<SwitchObject>(cluster, namespace, "switches", "-l", `machine=${machine}`);
  return items.sort(
    (a, b) =>
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
}

/** One change of a switch as the watch delivered it, with the time it arrived. */
export interface SwitchEvent {
  type: string;
  at: number;
  object: SwitchObject;
}

/** Records every watch event of the switches of a namespace, through client-node. */
export class SwitchWatch {
  readonly events: SwitchEvent[] = [];
  #abort: AbortController | undefined;

  static async start(cluster: Cluster, namespace: string): Promise<SwitchWatch> {
    // Loaded here: client-node takes seconds to import, which skipped suites should not pay.
    const { KubeConfig, Watch } = await import("@kubernetes/client-node");
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(cluster.kubeconfigPath);
    const recorder = new SwitchWatch();
    recorder.#abort = await new Watch(kubeConfig).watch(
      `/apis/useless.container.training/v1alpha1/namespaces/${namespace}/switches`,
      {},
      (type, object: SwitchObject) => recorder.events.push({ type, at: Date.now(), object }),
      () => {},
    );
    return recorder;
  }

  stop(): void {
    this.#abort?.abort();
  }
}
