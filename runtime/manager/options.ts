import type { KubeConfig } from "@kubernetes/client-node";
import { realClock, type Clock } from "../clock.js";
import type { KindDescriptor, Scheme } from "../scheme/group_version.js";
import type { Transport } from "../client/transport.js";
import type { Client, Reader } from "../client/types.js";
import type { Cache } from "../cache/cache.js";
import type { KindCacheOptions } from "../cache/cache.js";
import { stripManagedFields, type TransformFunc } from "../cache/informer.js";
import type { Logger } from "../log/logger.js";
import type { RuntimeMetrics } from "../metrics/registry.js";
import type { EventRecorder } from "../record/event_recorder.js";
import type { Checker } from "../healthz/healthz.js";
import type { ControllerOptions } from "../internal/controller/controller.js";
import type { WebhookServer, WebhookServerOptions } from "../webhook/server.js";
import type { ConversionRegistry } from "../webhook/conversion/conversion.js";

/** Something the manager starts and stops: a controller, or any long-running task. */
export type Runnable =
  | { start(signal: AbortSignal): Promise<void>; needLeaderElection?: boolean }
  | ((signal: AbortSignal) => Promise<void>);

/**
 * Options of {@link createManager}. Every duration is a number of milliseconds and its name ends
 * in `Ms`, as in the rest of the runtime's options.
 */
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
  /** How long a lease is valid after its last renewal: standbys wait this long to take over. */
  leaseDurationMs: number;
  /** How long the leader keeps trying to renew before it gives up leadership. */
  renewDeadlineMs: number;
  /** Wait between attempts to acquire or renew the lease. */
  retryPeriodMs: number;
  /** Release the lease on stop so a standby takes over at once. */
  leaderElectionReleaseOnCancel: boolean;
  /** Identity in the lease; hostname plus random suffix by default. */
  leaderElectionIdentity?: string;
  /** `host:port` or `:port` of `/metrics`; `"0"` disables. */
  metricsBindAddress: string;
  /** `host:port` or `:port` of `/healthz` and `/readyz`; `"0"` disables. */
  healthProbeBindAddress: string;
  /** How long stopping waits for running reconciles, runnables, the cache and the servers. */
  gracefulShutdownTimeoutMs: number;
  /** `/readyz` fails while any watch has been down longer than this. */
  watchDownReadyzThresholdMs: number;
  /** How long a cache read waits for this process's own writes to reach the cache. */
  readYourWritesTimeoutMs: number;
  /** Kinds the manager's client reads from the API server instead of the cache. */
  uncachedKinds: KindDescriptor[];
  /** Every informer's resync period (0 disables). */
  syncPeriodMs: number;
  /** Transform applied to objects before caching; strips managedFields by default. */
  cacheTransform: TransformFunc;
  /** Per-kind cache settings (a kind's own transform), as controller-runtime's `cache.Options.ByObject`. */
  cacheByKind: readonly KindCacheOptions[];
  /** How long the manager and its controllers wait for their caches to sync. */
  cacheSyncTimeoutMs: number;
  /** The webhook server's settings (port 9443, certDir, certName, keyName); see {@link WebhookServerOptions}. */
  webhookServer?: Partial<WebhookServerOptions>;
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
  gracefulShutdownTimeoutMs: 30_000,
  watchDownReadyzThresholdMs: 30_000,
  readYourWritesTimeoutMs: 5_000,
  uncachedKinds: [] as KindDescriptor[],
  syncPeriodMs: 10 * 60 * 60 * 1000,
  cacheTransform: stripManagedFields,
  cacheByKind: [] as readonly KindCacheOptions[],
  cacheSyncTimeoutMs: 120_000,
  fieldManager: "uselessctl-manager",
  clock: realClock,
} as const;

/** The defaults controllers take from their manager. */
export type ControllerDefaults = Pick<
  ControllerOptions,
  "clock" | "log" | "metrics" | "gracefulShutdownTimeoutMs" | "cacheSyncTimeoutMs"
>;

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
  /**
   * The webhook server; the first call adds it to the manager, which then starts it (before the
   * cache, without leader election) and stops it. Errors: throws on a first call once started.
   */
  getWebhookServer(): WebhookServer;
  /** The conversions `/convert` answers for (controller-runtime's `GetConverterRegistry`). */
  getConverterRegistry(): ConversionRegistry;
  /** An event recorder whose events name `name` as their source component. */
  getEventRecorderFor(name: string): EventRecorder;
  /**
   * Adds a runnable; controllers (and runnables by default) start only once elected, runnables
   * with `needLeaderElection: false` once the cache has synced. Errors: throws once started.
   */
  add(runnable: Runnable): void;
  addHealthzCheck(name: string, check: Checker): void;
  addReadyzCheck(name: string, check: Checker): void;
  /**
   * Starts the HTTP servers, then the cache (waiting for it to sync), then the runnables that need
   * no leader, then leader election and, once elected, the rest; resolves when stopped (signal,
   * `stop()`), after stopping them in reverse order within `gracefulShutdownTimeoutMs`.
   * Errors: rejects with the first failure (a `BindError` naming the option when a server cannot
   * listen, a runnable's error, `LeaderElectionLostError`) after stopping everything else.
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
