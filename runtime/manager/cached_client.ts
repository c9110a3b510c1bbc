import type { KubernetesObject, ObjectList } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { Client, ListOptions, ObjectKey, Reader } from "../client/types.js";
import type { InformerCache } from "../cache/cache.js";
import { compareResourceVersions } from "../internal/sleep.js";

/** Options of {@link createCachedClient}. */
export interface CachedClientOptions {
  /** The API client all writes (and uncached reads) go to. */
  apiClient: Client;
  cache: InformerCache;
  /** Kinds read from the API server instead of the cache (no informer is started for them). */
  uncached: readonly KindDescriptor[];
  /** How long a read waits for the cache to catch up with this process's own writes. */
  readYourWritesTimeoutMs: number;
}

/**
 * Records, per kind, the newest resourceVersion this process has written, and waits for the
 * kind's informer to have seen it before a read.
 */
export class WriteTracker {
  readonly #newest = new Map<string, string>();

  record(kind: KindDescriptor, rv: string | undefined): void {
    if (!rv) return;
    const id = `${kind.apiVersion}/${kind.kind}`;
    const current = this.#newest.get(id);
    const comparison = current === undefined ? 1 : compareResourceVersions(rv, current);
    if (comparison === undefined || comparison > 0) this.#newest.set(id, rv);
  }

  newest(kind: KindDescriptor): string | undefined {
    return this.#newest.get(`${kind.apiVersion}/${kind.kind}`);
  }
}

/**
 * The manager's client: reads from the cache, writes to the API server (controller-runtime's
 * delegating client), with read-your-writes.
 *
 * Guarantees: after this process wrote an object of a kind (create, update, patch, status, delete)
 * and got resourceVersion R back, a later cache read of that kind waits until the informer has
 * seen R (so it sees that write or something newer), for at most `readYourWritesTimeoutMs`.
 * Caveats: after the bound the read returns what the cache has; resourceVersions that are not
 * integers (not etcd-backed servers) are not compared and never waited for.
 */
export function createCachedClient(options: CachedClientOptions, tracker: WriteTracker): Client {
  const { apiClient, cache, readYourWritesTimeoutMs } = options;
  const uncached = new Set(options.uncached.map((kind) => `${kind.apiVersion}/${kind.kind}`));
  const isUncached = (kind: KindDescriptor): boolean => uncached.has(`${kind.apiVersion}/${kind.kind}`);

  async function caughtUp(kind: KindDescriptor): Promise<void> {
    const written = tracker.newest(kind);
    if (written === undefined) return;
    const informer = cache.getInformer(kind);
    if (!informer.hasSynced()) return; // the first list happens after the write and includes it
    await informer.waitForResourceVersion(written, readYourWritesTimeoutMs);
  }

  const reader: Reader = {
    async get<T extends KubernetesObject>(kind: KindDescriptor<T>, key: ObjectKey): Promise<T> {
      if (isUncached(kind)) return apiClient.get(kind, key);
      await caughtUp(kind);
      return cache.get(kind, key);
    },
    async list<T extends KubernetesObject>(kind: KindDescriptor<T>, listOptions?: ListOptions): Promise<ObjectList<T>> {
      if (isUncached(kind)) return apiClient.list(kind, listOptions);
      await caughtUp(kind);
      return cache.list(kind, listOptions);
    },
  };

  return {
    ...reader,
    create: (obj, writeOptions) => apiClient.create(obj, writeOptions),
    update: (obj, writeOptions) => apiClient.update(obj, writeOptions),
    patch: (obj, patch, patchOptions) => apiClient.patch(obj, patch, patchOptions),
    delete: (obj, deleteOptions) => apiClient.delete(obj, deleteOptions),
    deleteAllOf: (kind, deleteOptions) => apiClient.deleteAllOf(kind, deleteOptions),
    status: () => apiClient.status(),
    subResource: (name) => apiClient.subResource(name),
  };
}
