import type { KubeConfig } from "@kubernetes/client-node";
import { readFileSync } from "node:fs";
import { defaultScheme } from "../scheme/group_version.js";
import { createClient } from "../client/client.js";
import type { KubeConfigSource } from "../client/kubeconfig.js";
import { loadDefaultKubeConfig } from "../client/kubeconfig.js";
import { createKubeConfigTransport } from "../client/transport.js";
import { InformerCache } from "../cache/cache.js";
import { createListerWatcher } from "../cache/list_watcher.js";
import { createLogger } from "../log/logger.js";
import { RuntimeMetrics } from "../metrics/registry.js";
import { createEventRecorder } from "../record/event_recorder.js";
import { LeaderElector, defaultIdentity } from "../leaderelection/leader_elector.js";
import { checksHandler, ping, type Checker } from "../healthz/healthz.js";
import { sleep } from "../internal/sleep.js";
import { DEFAULT_MANAGER_OPTIONS, type Manager, type ManagerOptions, type Runnable } from "./options.js";
import { createCachedClient, WriteTracker } from "./cached_client.js";
import { parseBindAddress, serve, type RunningServer } from "./http_server.js";

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
      observeRequest: (method, code) =>
        metrics.restClientRequests.inc({ method, code: String(code), host: hostOf(kubeConfig) }),
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
    byKind: settings.cacheByKind,
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
    getEventRecorderFor: (name) =>
      createEventRecorder({ client: apiClient, component: name, log: logger.withName("events") }),
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

function hostOf(kubeConfig: KubeConfigSource | undefined): string {
  try {
    return new URL(kubeConfig?.getCurrentCluster()?.server ?? "").host;
  } catch {
    return "";
  }
}
