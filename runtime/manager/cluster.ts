import { createClient } from "../client/client.js";
import type { Client } from "../client/types.js";
import type { KubeConfigSource } from "../client/kubeconfig.js";
import { createKubeConfigTransport } from "../client/transport.js";
import { InformerCache } from "../cache/cache.js";
import { createListerWatcher } from "../cache/list_watcher.js";
import type { Logger } from "../log/logger.js";
import type { RuntimeMetrics } from "../metrics/registry.js";
import type { ManagerOptions } from "./options.js";
import { createCachedClient, WriteTracker } from "./cached_client.js";

/** What a manager talks to the API server with (controller-runtime's `cluster.Cluster`). */
export interface Cluster {
  /** Talks to the API server directly: writes, and reads that must be fresh. */
  apiClient: Client;
  cache: InformerCache;
  /** Reads from the cache (waiting for this process's own writes), writes through `apiClient`. */
  client: Client;
}

function hostOf(kubeConfig: KubeConfigSource | undefined): string {
  try {
    return new URL(kubeConfig?.getCurrentCluster()?.server ?? "").host;
  } catch {
    return "";
  }
}

/** Builds the transport, the API client, the informer cache and the cached client of a manager. */
export function createCluster(settings: ManagerOptions, metrics: RuntimeMetrics, log: Logger): Cluster {
  const transport =
    settings.transport ??
    createKubeConfigTransport({
      kubeConfig: settings.kubeConfig,
      clock: settings.clock,
      observeRequest: (method, code) =>
        metrics.restClientRequests.inc({ method, code: String(code), host: hostOf(settings.kubeConfig) }),
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
    clock: settings.clock,
    resyncPeriodMs: settings.syncPeriodMs,
    transform: settings.cacheTransform,
    byKind: settings.cacheByKind,
    informerOptions: {
      onError: (err, phase) => log.error(err, `${phase} failed, retrying`),
    },
  });
  const client = createCachedClient(
    {
      apiClient,
      cache,
      uncached: settings.uncachedKinds,
      readYourWritesTimeoutMs: settings.readYourWritesTimeoutMs,
    },
    tracker,
  );
  return { apiClient, cache, client };
}
