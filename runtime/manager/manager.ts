import type { KubeConfig } from "@kubernetes/client-node";
import { readFileSync } from "node:fs";
import { realClock, type Clock } from "../clock.js";
import { defaultScheme, type KindDescriptor, type Scheme } from "../scheme/group_version.js";
import { createClient } from "../client/client.js";
import { createKubeConfigTransport, loadDefaultKubeConfig, type Transport } from "../client/transport.js";
import type { Client, Reader } from "../client/types.js";
import { InformerCache, type Cache } from "../cache/cache.js";
import { stripManagedFields, type TransformFunc } from "../cache/informer.js";
import { createListerWatcher } from "../cache/list_watcher.js";
import { createLogger, type Logger } from "../log/logger.js";
import { RuntimeMetrics } from "../metrics/registry.js";
import { createEventRecorder, type EventRecorder } from "../record/event_recorder.js";
import { LeaderElector, defaultIdentity } from "../leaderelection/leader_elector.js";
import { checksHandler, ping, type Checker } from "../healthz/healthz.js";
import type { ControllerOptions } from "../internal/controller/controller.js";
import { sleep } from "../internal/sleep.js";
import { createCachedClient, WriteTracker } from "./cached_client.js";
import { parseBindAddress, serve, type RunningServer } from "./http_server.js";

/** Something the manager starts and stops: a controller, or any long-running task. */
export type Runnable =
  | { start(signal: AbortSignal): Promise<void>; needLeaderElection?: boolean }
  | ((signal: AbortSignal) => Promise<void>);

/** Options of {@link createManager}. */
export interface ManagerOptions {
  /** Where the API server is; loaded the standard way when absent (KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeConfig: KubeConfig;
  /** The HTTP layer; built from the kubeconfig when absent (tests inject one). */
  transport?: Transport;
  scheme: Scheme;
  /** Limit the cache (namespaced kinds) to one namespace; all namespaces when unset. */
  namespace?: string;
  leaderElection: boolean;
  /** The Lease name; required with leader election. */
  leaderElectionId?: string;
  /** The Lease namespace; the pod's namespace in cluster, else `namespace`, else `default`. */
  leaderElectionNamespace?: string;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  /** Release the lease on stop so a standby takes over at once. */
  leaderElectionReleaseOnCancel: boolean;
  /** Identity in the lease; hostname plus random suffix by default. */
  leaderElectionIdentity?: string;
  /** `host:port` or `:port` of `/metrics`; `"0"` disables. */
  metricsBindAddress: string;
  /** `host:port` or `:port` of `/healthz` and `/readyz`; `"0"` disables. */
  healthProbeBindAddress: string;
  /** How long stopping waits for running reconciles and runnables, ms. */
  gracefulShutdownTimeout: number;
  /** `/readyz` fails while any watch has been down longer than this, ms. */
  watchDownReadyzThresholdMs: number;
  /** How long a cache read waits for this process's own writes to reach the cache, ms. */
  readYourWritesTimeoutMs: number;
  /** Kinds the manager's client reads from the API server instead of the cache. */
  uncachedKinds: KindDescriptor[];
  /** Every informer's resync period, ms (0 disables). */
  syncPeriod: number;
  /** Transform applied to objects before caching; strips managedFields by default. */
  cacheTransform: TransformFunc;
  /** How long controllers wait for their caches to sync, ms. */
  cacheSyncTimeout: number;
  /** The field manager recorded for this manager's writes. */
  fieldManager: string;
  logger: Logger;
  clock: Clock;
}

/** Defaults of {@link createManager}. */
export const DEFAULT_MANAGER_OPTIONS = {
  leaderElection: false,
  leaseDurationMs: 15_000,
  renewDeadlineMs: 10_000,
  retryPeriodMs: 2_000,
  leaderElectionReleaseOnCancel: true,
  metricsBindAddress: "0",
  healthProbeBindAddress: "0",
  gracefulShutdownTimeout: 30_000,
  watchDownReadyzThresholdMs: 30_000,
  readYourWritesTimeoutMs: 5_000,
  uncachedKinds: [] as KindDescriptor[],
  syncPeriod: 10 * 60 * 60 * 1000,
  cacheTransform: stripManagedFields,
  cacheSyncTimeout: 120_000,
  fieldManager: "uselessctl-manager",
  clock: realClock,
} as const;

/** The defaults controllers take from their manager. */
export type ControllerDefaults = Pick<ControllerOptions, "clock" | "log" | "metrics" | "gracefulShutdownTimeoutMs" | "cacheSyncTimeoutMs">;

/**
 * Runs controllers and shares what they need: one cache, one client, metrics, health probes,
 * leader election and graceful shutdown (controller-runtime's `manager.Manager`).
 */
export interface Manager {
  /** Reads from the cache (waiting for own writes), writes to the API server. */
  getClient(): Client;
  /** Reads straight from the API server (no cache): for the rare read that must be fresh. */
  getAPIReader(): Reader;
  getCache(): Cache;
  getScheme(): Scheme;
  getLogger(): Logger;
  getMetrics(): RuntimeMetrics;
  /** An event recorder whose events name `name` as their source component. */
  getEventRecorderFor(name: string): EventRecorder;
  /** Adds a runnable; controllers (and runnables by default) start only once elected. */
  add(runnable: Runnable): void;
  addHealthzCheck(name: string, check: Checker): void;
  addReadyzCheck(name: string, check: Checker): void;
  /**
   * Starts everything and resolves when stopped (signal, `stop()`). Errors: rejects with the
   * first runnable error, or `LeaderElectionLostError`, after stopping everything else.
   */
  start(signal?: AbortSignal): Promise<void>;
  /** Stops gracefully; resolves when everything has stopped. */
  stop(): Promise<void>;
  /** Resolves once this manager is the leader (at once without leader election). */
  elected(): Promise<void>;
  /** The addresses the metrics and probe servers listen on, once started. */
  servingAddresses(): { metrics?: string; healthProbe?: string };
  /** Defaults for controllers built on this manager. */
  controllerDefaults(): ControllerDefaults;
  /** Reserves a controller name. Errors: throws when the name is taken. */
  registerControllerName(name: string): void;
}

const IN_CLUSTER_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

function inClusterNamespace(): string | undefined {
  try {
    return readFileSync(IN_CLUSTER_NAMESPACE_FILE, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

function runnableStart(runnable: Runnable): (signal: AbortSignal) => Promise<void> {
  return typeof runnable === "function" ? runnable : (signal) => runnable.start(signal);
}

function needsLeader(runnable: Runnable): boolean {
  return typeof runnable === "function" ? true : runnable.needLeaderElection !== false;
}

/**
 * Creates a manager. Nothing connects until `start()`.
 * Errors: throws when leader election is on without `leaderElectionId`, or a bind address is malformed.
 */
export function createManager(options: Partial<ManagerOptions> = {}): Manager {
  const kubeConfig = options.kubeConfig ?? (options.transport ? undefined : loadDefaultKubeConfig());
  const settings = { ...DEFAULT_MANAGER_OPTIONS, scheme: defaultScheme, ...options };
  const rootLogger = options.logger ?? createLogger();
  const logger = rootLogger.withName("manager");
  const clock = settings.clock;
  const metrics = new RuntimeMetrics({ processMetrics: true });
  if (settings.leaderElection && !settings.leaderElectionId) {
    throw new Error("leader election needs leaderElectionId: the name of the Lease replicas compete for");
  }
  const metricsBind = parseBindAddress(settings.metricsBindAddress);
  const healthBind = parseBindAddress(settings.healthProbeBindAddress);

  const transport =
    options.transport ??
    createKubeConfigTransport({
      kubeConfig: kubeConfig as KubeConfig,
      observeRequest: (method, code) => metrics.restClientRequests.inc({ method, code: String(code), host: hostOf(kubeConfig) }),
    });
  const tracker = new WriteTracker();
  const apiClient = createClient({
    transport,
    scheme: settings.scheme,
    fieldManager: settings.fieldManager,
    onWrite: (kind, obj) => tracker.record(kind, obj.metadata?.resourceVersion),
  });
  const cache = new InformerCache({
    listerWatcherFor: (kind, namespace) => createListerWatcher(transport, kind, namespace),
    namespace: settings.namespace,
    clock,
    resyncPeriodMs: settings.syncPeriod,
    transform: settings.cacheTransform,
    informerOptions: {
      onError: (err, phase) => logger.withName("cache").error(err, `${phase} failed, retrying`),
    },
  });
  const client = createCachedClient(
    { apiClient, cache, uncached: settings.uncachedKinds, readYourWritesTimeoutMs: settings.readYourWritesTimeoutMs },
    tracker,
  );

  const runnables: Runnable[] = [];
  const controllerNames = new Set<string>();
  const healthChecks = new Map<string, Checker>([["ping", ping]]);
  const readyChecks = new Map<string, Checker>([["ping", ping]]);
  readyChecks.set("informers", () => {
    const now = clock.now();
    for (const informer of cache.informers()) {
      if (!informer.hasSynced()) throw new Error(`${informer.kind.kind} has not synced yet`);
      const downSince = informer.watchDownSince();
      if (downSince !== undefined && now - downSince > settings.watchDownReadyzThresholdMs) {
        throw new Error(`the ${informer.kind.kind} watch has been down for ${Math.round((now - downSince) / 1000)} s`);
      }
    }
  });

  let started = false;
  const stopController = new AbortController();
  let stopped: Promise<void> | undefined;
  let resolveElected!: () => void;
  const electedPromise = new Promise<void>((resolve) => (resolveElected = resolve));
  const servers: RunningServer[] = [];
  const addresses: { metrics?: string; healthProbe?: string } = {};

  async function run(external: AbortSignal | undefined): Promise<void> {
    // The clock's timers are unref'd so that they never hold a process open on their own; a
    // running manager must, as Go's blocking mgr.Start does.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    try {
      await runUntilStopped(external);
    } finally {
      clearInterval(keepAlive);
    }
  }

  async function runUntilStopped(external: AbortSignal | undefined): Promise<void> {
    const onExternalAbort = (): void => stopController.abort();
    external?.addEventListener("abort", onExternalAbort, { once: true });
    if (external?.aborted) stopController.abort();
    // Runnables stop before the cache and the lease: they may still read and write while draining.
    const runnablesAbort = new AbortController();
    const cacheAbort = new AbortController();
    const leaderAbort = new AbortController();
    const running: Promise<void>[] = [];
    let failure: unknown;
    const fail = (err: unknown): void => {
      failure ??= err;
      stopController.abort();
    };
    const launch = (runnable: Runnable): void => {
      running.push(runnableStart(runnable)(runnablesAbort.signal).catch(fail));
    };

    try {
      if (metricsBind) {
        const server = await serve(metricsBind, {
          "/metrics": async (_request, response) => {
            response.writeHead(200, { "Content-Type": metrics.registry.contentType }).end(await metrics.text());
          },
        });
        servers.push(server);
        addresses.metrics = server.address;
        logger.info("Starting metrics server", { bindAddress: server.address });
      }
      if (healthBind) {
        const server = await serve(healthBind, {
          "/healthz": checksHandler("healthz", healthChecks),
          "/readyz": checksHandler("readyz", readyChecks),
        });
        servers.push(server);
        addresses.healthProbe = server.address;
        logger.info("Starting health probe server", { bindAddress: server.address });
      }
    } catch (err) {
      for (const server of servers.splice(0)) await server.close();
      throw err;
    }

    const cacheRun = cache.start(cacheAbort.signal);
    for (const runnable of runnables) if (!needsLeader(runnable)) launch(runnable);
    const startLeaderRunnables = (): void => {
      metrics.leaderElectionStatus.set({ name: settings.leaderElectionId ?? "" }, 1);
      resolveElected();
      for (const runnable of runnables) if (needsLeader(runnable)) launch(runnable);
    };
    let electionRun: Promise<void> | undefined;
    if (settings.leaderElection) {
      const elector = new LeaderElector({
        client: apiClient,
        leaseName: settings.leaderElectionId as string,
        leaseNamespace: settings.leaderElectionNamespace ?? inClusterNamespace() ?? settings.namespace ?? "default",
        identity: settings.leaderElectionIdentity ?? defaultIdentity(),
        leaseDurationMs: settings.leaseDurationMs,
        renewDeadlineMs: settings.renewDeadlineMs,
        retryPeriodMs: settings.retryPeriodMs,
        releaseOnCancel: settings.leaderElectionReleaseOnCancel,
        clock,
        log: logger.withName("leaderelection"),
      });
      electionRun = elector.run(leaderAbort.signal, startLeaderRunnables).catch(fail);
    } else {
      startLeaderRunnables();
    }

    await new Promise<void>((resolve) => {
      if (stopController.signal.aborted) resolve();
      else stopController.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    logger.info("Stopping and waiting for runnables");
    runnablesAbort.abort();
    const waitAbort = new AbortController();
    const drained = await Promise.race([
      Promise.all(running).then(() => true),
      sleep(clock, settings.gracefulShutdownTimeout + 1_000, waitAbort.signal).then(() => false),
    ]);
    waitAbort.abort();
    if (!drained) logger.info("Runnables did not stop within the graceful shutdown timeout");
    leaderAbort.abort();
    await electionRun;
    metrics.leaderElectionStatus.set({ name: settings.leaderElectionId ?? "" }, 0);
    cacheAbort.abort();
    await cacheRun;
    for (const server of servers.splice(0)) await server.close();
    external?.removeEventListener("abort", onExternalAbort);
    logger.info("Stopped");
    if (failure) throw failure;
  }

  return {
    getClient: () => client,
    getAPIReader: () => apiClient,
    getCache: () => cache,
    getScheme: () => settings.scheme,
    getLogger: () => logger,
    getMetrics: () => metrics,
    getEventRecorderFor: (name) => createEventRecorder({ client: apiClient, component: name, log: logger.withName("events") }),
    add(runnable) {
      if (started) throw new Error("add runnables before the manager starts");
      runnables.push(runnable);
    },
    addHealthzCheck(name, check) {
      if (healthChecks.has(name)) throw new Error(`a healthz check named ${name} already exists`);
      healthChecks.set(name, check);
    },
    addReadyzCheck(name, check) {
      if (readyChecks.has(name)) throw new Error(`a readyz check named ${name} already exists`);
      readyChecks.set(name, check);
    },
    start(signal) {
      if (started) return Promise.reject(new Error("the manager was already started; create a new one"));
      started = true;
      stopped = run(signal);
      return stopped;
    },
    async stop() {
      stopController.abort();
      await stopped?.catch(() => undefined);
    },
    elected: () => electedPromise,
    servingAddresses: () => ({ ...addresses }),
    controllerDefaults: () => ({
      clock,
      log: rootLogger.withName("controller"),
      metrics,
      gracefulShutdownTimeoutMs: settings.gracefulShutdownTimeout,
      cacheSyncTimeoutMs: settings.cacheSyncTimeout,
    }),
    registerControllerName(name) {
      if (controllerNames.has(name)) {
        throw new Error(
          `a controller named "${name}" already exists; controller names must be unique so that metrics and logs tell them apart: call .named("another-name")`,
        );
      }
      controllerNames.add(name);
    },
  };
}

function hostOf(kubeConfig: KubeConfig | undefined): string {
  try {
    return new URL(kubeConfig?.getCurrentCluster()?.server ?? "").host;
  } catch {
    return "";
  }
}

/**
 * An AbortSignal aborted on the first SIGTERM or SIGINT (controller-runtime's
 * `SetupSignalHandler`); a second signal exits at once with code 1. For entry points (`main.ts`).
 */
export function setupSignalHandler(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(1);
    controller.abort();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return controller.signal;
}
