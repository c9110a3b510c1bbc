import { realClock, type Clock } from "../clock.js";
import { keyOf, type KubernetesObject } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { Status } from "../../apimachinery/index.js";
import { ApiError, isGone } from "../client/errors.js";
import type { RawWatchEvent } from "../client/transport.js";
import { compareResourceVersions, sleep } from "../internal/sleep.js";
import { IndexedStore, type IndexFunc } from "./store.js";
import type { ListerWatcher } from "./list_watcher.js";

/** Callbacks for changes of the informed kind. Objects are shared and frozen: do not modify them. */
export interface ResourceEventHandler {
  onAdd?(obj: KubernetesObject, isInInitialList: boolean): void;
  onUpdate?(oldObj: KubernetesObject, newObj: KubernetesObject): void;
  onDelete?(obj: KubernetesObject): void;
}

/** Transforms objects before they are stored (e.g. to drop fields nobody reads). */
export type TransformFunc = (obj: KubernetesObject) => KubernetesObject;

/** The default transform: drops `metadata.managedFields`, which reconcilers rarely read and which
 * is often the largest part of an object. */
export const stripManagedFields: TransformFunc = (obj) => {
  if (obj.metadata?.managedFields) delete obj.metadata.managedFields;
  return obj;
};

/** Options of {@link Informer}. */
export interface InformerOptions {
  kind: KindDescriptor;
  listerWatcher: ListerWatcher;
  clock: Clock;
  /** Every this many ms, every object is delivered again as an update; 0 disables. */
  resyncPeriodMs: number;
  transform: TransformFunc;
  /** Page size of the initial list. */
  pageSize: number;
  /** First and largest wait between failed attempts. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Watches are asked to end after a random time in [min, 2*min), then resume (whole seconds on the wire). */
  minWatchTimeoutMs: number;
  /** Told about list/watch failures (the manager logs them). */
  onError: (err: unknown, phase: "list" | "watch") => void;
}

/** Defaults of {@link Informer}. */
export const DEFAULT_INFORMER_OPTIONS = {
  clock: realClock,
  resyncPeriodMs: 10 * 60 * 60 * 1000,
  transform: stripManagedFields,
  pageSize: 500,
  backoffInitialMs: 800,
  backoffMaxMs: 30_000,
  minWatchTimeoutMs: 300_000,
  onError: () => undefined,
} as const;

/** Raised inside the loop when the server says our resourceVersion is too old. */
class ResourceExpiredError extends Error {}

/**
 * A shared informer for one kind: a reflector (list, then watch from the list's resourceVersion)
 * feeding an {@link IndexedStore} and event handlers.
 *
 * Guarantees: level-triggered: after any outage the store converges to the server's state (on
 * 410 Gone it relists and delivers the differences as adds, updates and deletes); handlers see
 * events for one object in resourceVersion order; `lastResourceVersion` never goes backwards
 * within a watch.
 * Caveats: handlers run synchronously on the informer's loop; keep them short (enqueue a key).
 * Errors: list and watch failures never end `run`; they are reported to `onError` and retried
 * with exponential back-off, and `watchDownSince()` says since when no watch has been open.
 */
export class Informer {
  readonly kind: KindDescriptor;
  readonly store = new IndexedStore();
  readonly #options: InformerOptions;
  readonly #handlers: ResourceEventHandler[] = [];
  #synced = false;
  #syncWaiters: (() => void)[] = [];
  #lastResourceVersion = "";
  #rvWaiters: { rv: string; resolve: () => void }[] = [];
  #watchDownSince: number | undefined;
  #running = false;

  constructor(options: Partial<InformerOptions> & Pick<InformerOptions, "kind" | "listerWatcher">) {
    this.#options = { ...DEFAULT_INFORMER_OPTIONS, ...options };
    this.kind = options.kind;
    this.#watchDownSince = this.#options.clock.now();
  }

  /** Adds a handler; if the store already has objects, they are delivered to it as adds first. */
  addEventHandler(handler: ResourceEventHandler): void {
    this.#handlers.push(handler);
    if (this.#synced) for (const obj of this.store.values()) this.#call(() => handler.onAdd?.(obj, true));
  }

  /** Adds a field index. Errors: throws if the name is taken. */
  addIndexer(name: string, indexFunc: IndexFunc): void {
    this.store.addIndexer(name, indexFunc);
  }

  hasSynced(): boolean {
    return this.#synced;
  }

  /** Resolves true once the first list has been stored, false if the signal aborts first. */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.#synced) return Promise.resolve(true);
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = (): void => resolve(false);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#syncWaiters.push(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve(true);
      });
    });
  }

  /** The resourceVersion of the newest event or list seen. */
  lastResourceVersion(): string {
    return this.#lastResourceVersion;
  }

  /**
   * Resolves true once the informer has seen `rv` or later, false after `timeoutMs` (or at once
   * when resourceVersions are not comparable).
   */
  waitForResourceVersion(rv: string, timeoutMs: number): Promise<boolean> {
    const comparison = compareResourceVersions(this.#lastResourceVersion || "0", rv);
    if (comparison === undefined || comparison >= 0) return Promise.resolve(comparison !== undefined);
    return new Promise((resolve) => {
      const clock = this.#options.clock;
      const timer = clock.setTimeout(() => {
        const index = this.#rvWaiters.indexOf(waiter);
        if (index >= 0) {
          this.#rvWaiters.splice(index, 1);
          resolve(false);
        }
      }, timeoutMs);
      // Cancelled once seen: under a burst most reads wait, and each pending timer (with its
      // closure) would outlive the read by the whole timeout and be promoted to the old heap.
      const waiter = {
        rv,
        resolve: () => {
          clock.clearTimeout(timer);
          resolve(true);
        },
      };
      this.#rvWaiters.push(waiter);
    });
  }

  /** Since when (clock ms) no watch has been open, or undefined while one is. */
  watchDownSince(): number | undefined {
    return this.#watchDownSince;
  }

  /** Lists and watches until the signal aborts. Errors: throws only if run twice at once. */
  async run(signal: AbortSignal): Promise<void> {
    if (this.#running) throw new Error(`informer for ${this.kind.kind} is already running`);
    this.#running = true;
    const clock = this.#options.clock;
    const resync = this.#startResync(signal);
    let backoffMs = this.#options.backoffInitialMs;
    let needList = true;
    try {
      while (!signal.aborted) {
        try {
          if (needList) {
            await this.#listAndReplace(signal);
            needList = false;
          }
          await this.#watch(signal);
          backoffMs = this.#options.backoffInitialMs;
          continue; // the server ended the watch on its timeout: resume at once
        } catch (err) {
          if (signal.aborted) break;
          this.#watchDownSince ??= clock.now();
          if (err instanceof ResourceExpiredError || isGone(err)) {
            // Our resourceVersion is compacted away: only a full relist can catch up.
            needList = true;
            this.#options.onError(err, "watch");
            continue;
          }
          this.#options.onError(err, needList ? "list" : "watch");
          await sleep(clock, backoffMs * (1 + Math.random() * 0.2), signal);
          backoffMs = Math.min(backoffMs * 2, this.#options.backoffMaxMs);
        }
      }
    } finally {
      if (resync) clock.clearTimeout(resync.handle());
      this.#running = false;
    }
  }

  async #listAndReplace(signal: AbortSignal): Promise<void> {
    const listed: KubernetesObject[] = [];
    let continueToken: string | undefined;
    let resourceVersion = "";
    do {
      const page = await this.#options.listerWatcher.list({
        limit: this.#options.pageSize,
        continue: continueToken,
        signal,
      });
      listed.push(...(page.items ?? []));
      continueToken = page.metadata?.continue || undefined;
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
    } while (continueToken && !signal.aborted);
    if (signal.aborted) return;
    const seen = new Set<string>();
    for (const item of listed) {
      const obj = this.#prepare(item);
      seen.add(keyOf(obj));
      this.#apply(obj, !this.#synced);
    }
    for (const key of [...this.store.keys()]) {
      if (!seen.has(key)) {
        const removed = this.store.delete(key);
        if (removed) this.#emit((handler) => handler.onDelete?.(removed));
      }
    }
    this.#advance(resourceVersion);
    if (!this.#synced) {
      this.#synced = true;
      for (const resolve of this.#syncWaiters.splice(0)) resolve();
    }
  }

  #watch(signal: AbortSignal): Promise<void> {
    const min = this.#options.minWatchTimeoutMs;
    const timeoutSeconds = Math.max(1, Math.floor((min * (1 + Math.random())) / 1000));
    let failure: Error | undefined;
    const abort = new AbortController();
    const onAbort = (): void => abort.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) return Promise.resolve();
    return this.#options.listerWatcher
      .watch(
        {
          resourceVersion: this.#lastResourceVersion,
          timeoutSeconds,
          signal: abort.signal,
          onOpen: () => (this.#watchDownSince = undefined),
        },
        (event) => {
          if (failure) return;
          // A proxy may hold the headers back until the first event: an event proves the watch is open.
          this.#watchDownSince = undefined;
          try {
            this.#handleEvent(event);
          } catch (err) {
            failure = err instanceof Error ? err : new Error(String(err));
            abort.abort();
          }
        },
      )
      .catch((err: unknown) => {
        if (!failure) throw err;
      })
      .then(() => {
        if (failure) throw failure;
      })
      .finally(() => signal.removeEventListener("abort", onAbort));
  }

  #handleEvent(event: RawWatchEvent): void {
    if (event.type === "ERROR") {
      const status = event.object as Status;
      if (status.code === 410 || status.reason === "Expired" || status.reason === "Gone") {
        throw new ResourceExpiredError(`watch of ${this.kind.kind}: ${status.message ?? "resource version too old"}`);
      }
      throw new ApiError({ code: status.code ?? 500, status, request: { method: "WATCH", path: this.kind.plural } });
    }
    const obj = event.object as KubernetesObject;
    const rv = obj.metadata?.resourceVersion ?? "";
    if (event.type === "BOOKMARK") {
      this.#advance(rv);
      return;
    }
    const prepared = this.#prepare(obj);
    if (event.type === "DELETED") {
      const removed = this.store.delete(keyOf(prepared));
      this.#emit((handler) => handler.onDelete?.(removed ?? prepared));
    } else {
      this.#apply(prepared, false);
    }
    this.#advance(rv);
  }

  #prepare(obj: KubernetesObject): KubernetesObject {
    obj.apiVersion = this.kind.apiVersion;
    obj.kind = this.kind.kind;
    return this.#options.transform(obj);
  }

  #apply(obj: KubernetesObject, isInInitialList: boolean): void {
    const previous = this.store.get(keyOf(obj));
    if (previous && previous.metadata?.resourceVersion === obj.metadata?.resourceVersion) return;
    this.store.upsert(obj);
    if (previous) this.#emit((handler) => handler.onUpdate?.(previous, obj));
    else this.#emit((handler) => handler.onAdd?.(obj, isInInitialList));
  }

  #advance(rv: string): void {
    if (!rv) return;
    this.#lastResourceVersion = rv;
    if (this.#rvWaiters.length === 0) return;
    this.#rvWaiters = this.#rvWaiters.filter((waiter) => {
      const comparison = compareResourceVersions(rv, waiter.rv);
      if (comparison !== undefined && comparison < 0) return true;
      waiter.resolve();
      return false;
    });
  }

  #emit(deliver: (handler: ResourceEventHandler) => void): void {
    for (const handler of this.#handlers) this.#call(() => deliver(handler));
  }

  #call(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.#options.onError(err, "watch");
    }
  }

  #startResync(signal: AbortSignal): { handle: () => ReturnType<Clock["setTimeout"]> } | undefined {
    const period = this.#options.resyncPeriodMs;
    if (period <= 0) return undefined;
    const clock = this.#options.clock;
    const tick = (): void => {
      if (signal.aborted) return;
      for (const obj of this.store.values()) this.#emit((handler) => handler.onUpdate?.(obj, obj));
      handle = clock.setTimeout(tick, period);
    };
    let handle = clock.setTimeout(tick, period);
    return { handle: () => handle };
  }
}
