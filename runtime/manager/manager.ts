import type { KubeConfig } from "@kubernetes/client-node";
import { readFileSync } from "node:fs";
import { defaultScheme } from "../scheme/group_version.js";
import type { Client, Reader } from "../client/types.js";
import type { InformerCache } from "../cache/cache.js";
import { loadDefaultKubeConfig } from "../client/kubeconfig.js";
import { createLogger, type Logger } from "../log/logger.js";
import { RuntimeMetrics } from "../metrics/registry.js";
import { createEventRecorder, type EventRecorder } from "../record/event_recorder.js";
import { LeaderElector, defaultIdentity } from "../leaderelection/leader_elector.js";
import { checksHandler, ping, type Checker } from "../healthz/healthz.js";
import { abortAfter, untilAborted } from "../internal/sleep.js";
import {
  DEFAULT_MANAGER_OPTIONS,
  type ControllerDefaults,
  type Manager,
  type ManagerOptions,
  type Runnable,
} from "./options.js";
import { createCluster } from "./cluster.js";
import { serverMember, type Routes } from "./http_server.js";
import { RunnableGroup, runnableMember } from "./runnable_group.js";
import { WebhookServer } from "../webhook/server.js";
import { ConversionRegistry } from "../webhook/conversion/conversion.js";

const IN_CLUSTER_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

function inClusterNamespace(): string | undefined {
  try {
    return readFileSync(IN_CLUSTER_NAMESPACE_FILE, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates a manager. Nothing connects until `start()`.
 * Errors: throws when leader election is on without `leaderElectionId`, or a bind address is malformed.
 */
export function createManager(options: Partial<ManagerOptions> = {}): Manager {
  return new ControllerManager(options);
}

/**
 * The manager (controller-runtime's `controllerManager`): its runnables sit in groups started in
 * order (HTTP servers, the webhook server, caches, runnables that need no leader, then, once
 * elected, the leader election runnables) and stopped in reverse, the lease released last.
 */
class ControllerManager implements Manager {
  readonly #settings: ManagerOptions;
  readonly #rootLogger: Logger;
  readonly #logger: Logger;
  readonly #metrics = new RuntimeMetrics({ processMetrics: true });
  readonly #apiClient: Client;
  readonly #cache: InformerCache;
  readonly #client: Client;
  readonly #healthChecks = new Map<string, Checker>([["ping", ping]]);
  readonly #readyChecks = new Map<string, Checker>([["ping", ping]]);
  readonly #controllerNames = new Set<string>();
  readonly #addresses: { metrics?: string; healthProbe?: string } = {};
  readonly #stop = new AbortController();
  readonly #fail = (err: unknown): void => {
    this.#failure ??= err;
    this.#stop.abort();
  };
  readonly #httpServers = new RunnableGroup("HTTP server", this.#fail);
  readonly #webhooks = new RunnableGroup("webhook", this.#fail);
  readonly #caches = new RunnableGroup("cache", this.#fail);
  readonly #converterRegistry = new ConversionRegistry();
  #webhookServer: WebhookServer | undefined;
  readonly #others = new RunnableGroup("other", this.#fail);
  readonly #leaderElection = new RunnableGroup("leader election", this.#fail);
  readonly #elected: Promise<void>;
  #markElected!: () => void;
  #failure: unknown;
  #running: Promise<void> | undefined;

  constructor(options: Partial<ManagerOptions>) {
    const kubeConfig = options.kubeConfig ?? (options.transport ? undefined : loadDefaultKubeConfig());
    const settings: ManagerOptions = {
      ...DEFAULT_MANAGER_OPTIONS,
      scheme: defaultScheme,
      logger: options.logger ?? createLogger({ clock: options.clock ?? DEFAULT_MANAGER_OPTIONS.clock }),
      kubeConfig: kubeConfig as KubeConfig,
      ...options,
    };
    this.#settings = settings;
    this.#rootLogger = settings.logger;
    this.#logger = settings.logger.withName("manager");
    if (settings.leaderElection && !settings.leaderElectionId) {
      throw new Error("leader election needs leaderElectionId: the name of the Lease replicas compete for");
    }
    this.#elected = new Promise<void>((resolve) => (this.#markElected = resolve));

    const cluster = createCluster(settings, this.#metrics, this.#logger.withName("cache"));
    this.#apiClient = cluster.apiClient;
    this.#cache = cluster.cache;
    this.#client = cluster.client;
    this.#readyChecks.set("informers", () => this.#checkInformers());
    this.#addServers();
    this.#caches.add({ start: (signal) => this.#cache.start(signal), ready: (stop) => this.#cacheSynced(stop) });
  }

  #addServers(): void {
    const { metricsBindAddress, healthProbeBindAddress } = this.#settings;
    if (metricsBindAddress && metricsBindAddress !== "0") {
      const routes: Routes = {
        "/metrics": async (_request, response) => {
          response
            .writeHead(200, { "Content-Type": this.#metrics.registry.contentType })
            .end(await this.#metrics.text());
        },
      };
      const server = { option: "metricsBindAddress", address: metricsBindAddress, routes };
      this.#httpServers.add(serverMember(server, (address) => this.#listening("metrics", address)));
    }
    if (healthProbeBindAddress && healthProbeBindAddress !== "0") {
      const routes: Routes = {
        "/healthz": checksHandler("healthz", this.#healthChecks),
        "/readyz": checksHandler("readyz", this.#readyChecks),
      };
      const server = { option: "healthProbeBindAddress", address: healthProbeBindAddress, routes };
      this.#httpServers.add(serverMember(server, (address) => this.#listening("healthProbe", address)));
    }
  }

  #listening(server: "metrics" | "healthProbe", address: string): void {
    this.#addresses[server] = address;
    const what = server === "metrics" ? "metrics server" : "health probe server";
    this.#logger.info(`Starting ${what}`, { bindAddress: address });
  }

  #checkInformers(): void {
    const now = this.#settings.clock.now();
    for (const informer of this.#cache.informers()) {
      if (!informer.hasSynced()) throw new Error(`${informer.kind.kind} has not synced yet`);
      const downSince = informer.watchDownSince();
      if (downSince !== undefined && now - downSince > this.#settings.watchDownReadyzThresholdMs) {
        throw new Error(`the ${informer.kind.kind} watch has been down for ${Math.round((now - downSince) / 1000)} s`);
      }
    }
  }

  /** The cache group's readiness: synced, or a failure once `cacheSyncTimeoutMs` has passed. */
  async #cacheSynced(stop: AbortSignal): Promise<void> {
    const { clock, cacheSyncTimeoutMs } = this.#settings;
    const bound = abortAfter(clock, cacheSyncTimeoutMs, stop);
    const synced = await this.#cache.waitForCacheSync(bound.signal);
    bound.dispose();
    if (synced || stop.aborted) return;
    const pending = this.#cache.informers().filter((informer) => !informer.hasSynced());
    const kinds = pending.map((informer) => informer.kind.kind).join(", ");
    this.#fail(new Error(`the cache did not sync within cacheSyncTimeoutMs (${cacheSyncTimeoutMs} ms): ${kinds}`));
  }

  getClient = (): Client => this.#client;
  getAPIReader = (): Reader => this.#apiClient;
  getCache = (): InformerCache => this.#cache;
  getScheme = (): ManagerOptions["scheme"] => this.#settings.scheme;
  getLogger = (): Logger => this.#logger;
  getMetrics = (): RuntimeMetrics => this.#metrics;
  elected = (): Promise<void> => this.#elected;
  servingAddresses = (): { metrics?: string; healthProbe?: string } => ({ ...this.#addresses });

  getWebhookServer(): WebhookServer {
    if (this.#webhookServer) return this.#webhookServer;
    if (this.#running) throw new Error("get the webhook server before the manager starts, so that it starts with it");
    const { clock, logger } = this.#settings;
    const server = new WebhookServer(this.#settings.webhookServer ?? {}, {
      metrics: this.#metrics,
      logger: logger.withName("webhook"),
      clock,
    });
    this.#webhooks.add({ start: (signal) => server.start(signal), ready: (stop) => server.ready(stop) });
    this.#webhookServer = server;
    return server;
  }

  getConverterRegistry = (): ConversionRegistry => this.#converterRegistry;

  getEventRecorderFor(name: string): EventRecorder {
    const log = this.#logger.withName("events");
    return createEventRecorder({ client: this.#apiClient, component: name, log, clock: this.#settings.clock });
  }

  add(runnable: Runnable): void {
    if (this.#running) throw new Error("add runnables before the manager starts");
    const { member, needsLeader } = runnableMember(runnable);
    (needsLeader ? this.#leaderElection : this.#others).add(member);
  }

  addHealthzCheck(name: string, check: Checker): void {
    if (this.#healthChecks.has(name)) throw new Error(`a healthz check named ${name} already exists`);
    this.#healthChecks.set(name, check);
  }

  addReadyzCheck(name: string, check: Checker): void {
    if (this.#readyChecks.has(name)) throw new Error(`a readyz check named ${name} already exists`);
    this.#readyChecks.set(name, check);
  }

  start(signal?: AbortSignal): Promise<void> {
    if (this.#running) return Promise.reject(new Error("the manager was already started; create a new one"));
    this.#running = this.#run(signal);
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#running?.catch(() => undefined);
  }

  controllerDefaults(): ControllerDefaults {
    return {
      clock: this.#settings.clock,
      log: this.#rootLogger.withName("controller"),
      metrics: this.#metrics,
      gracefulShutdownTimeoutMs: this.#settings.gracefulShutdownTimeoutMs,
      cacheSyncTimeoutMs: this.#settings.cacheSyncTimeoutMs,
    };
  }

  registerControllerName(name: string): void {
    if (this.#controllerNames.has(name)) {
      throw new Error(
        `a controller named "${name}" already exists; controller names must be unique so that metrics and logs tell them apart: call .named("another-name")`,
      );
    }
    this.#controllerNames.add(name);
  }

  async #run(external: AbortSignal | undefined): Promise<void> {
    const onExternalAbort = (): void => this.#stop.abort();
    if (external?.aborted) this.#stop.abort();
    external?.addEventListener("abort", onExternalAbort, { once: true });
    // The clock's timers are unref'd so that they never hold a process open on their own; a
    // running manager must, as Go's blocking mgr.Start does.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const leaderAbort = new AbortController();
    try {
      const stop = this.#stop.signal;
      for (const group of [this.#httpServers, this.#webhooks, this.#caches, this.#others]) await group.start(stop);
      const election = stop.aborted ? undefined : this.#campaign(leaderAbort.signal);
      await untilAborted(stop);
      await this.#stopGroups();
      leaderAbort.abort();
      await election;
      this.#metrics.leaderElectionStatus.set({ name: this.#settings.leaderElectionId ?? "" }, 0);
      this.#logger.info("Stopped");
    } finally {
      clearInterval(keepAlive);
      external?.removeEventListener("abort", onExternalAbort);
    }
    if (this.#failure) throw this.#failure;
  }

  /** Runs leader election (or not), starting the leader election runnables once elected. */
  #campaign(signal: AbortSignal): Promise<void> | undefined {
    const onElected = (): void => {
      this.#metrics.leaderElectionStatus.set({ name: this.#settings.leaderElectionId ?? "" }, 1);
      this.#markElected();
      this.#leaderElection.start(this.#stop.signal).catch(this.#fail);
    };
    const settings = this.#settings;
    if (!settings.leaderElection) {
      onElected();
      return undefined;
    }
    const elector = new LeaderElector({
      client: this.#apiClient,
      leaseName: settings.leaderElectionId as string,
      leaseNamespace: settings.leaderElectionNamespace ?? inClusterNamespace() ?? settings.namespace ?? "default",
      identity: settings.leaderElectionIdentity ?? defaultIdentity(),
      leaseDurationMs: settings.leaseDurationMs,
      renewDeadlineMs: settings.renewDeadlineMs,
      retryPeriodMs: settings.retryPeriodMs,
      releaseOnCancel: settings.leaderElectionReleaseOnCancel,
      clock: settings.clock,
      log: this.#logger.withName("leaderelection"),
    });
    return elector.run(signal, onElected).catch(this.#fail);
  }

  /** Stops the groups in reverse start order, all within one graceful shutdown deadline. */
  async #stopGroups(): Promise<void> {
    this.#logger.info("Stopping and waiting for runnables");
    const { clock, gracefulShutdownTimeoutMs } = this.#settings;
    const deadline = abortAfter(clock, gracefulShutdownTimeoutMs);
    for (const group of [this.#leaderElection, this.#others, this.#caches, this.#webhooks, this.#httpServers]) {
      if (!(await group.stopAndWait(deadline.signal))) {
        this.#logger.info("Runnables did not stop within the graceful shutdown timeout", {
          group: group.name,
          gracefulShutdownTimeoutMs,
        });
      }
    }
    deadline.dispose();
  }
}
