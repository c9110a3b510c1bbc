/**
 * The versioned object store: every collection's objects, one global monotonically increasing
 * revision (the resourceVersion), a bounded history of changes for watches, and optional
 * persistence through a write-ahead log.
 *
 * Guarantees: mutations are applied synchronously (JavaScript's single thread makes each
 * check-then-write atomic, so of racing writers exactly one wins); the returned promise resolves
 * once the change is durable and every watcher has been handed the event, in revision order.
 * Each collection keeps its own window of changes to resume watches from (see WatchHistory), as
 * kube-apiserver keeps one watch cache per resource.
 * Caveats: objects handed out are the stored instances; callers must not mutate them (clone
 * first). Lists see the latest state, not a snapshot at an older revision.
 */
import { WriteAheadLog, type LogRecord } from "./write_ahead_log.js";
import type { CollectionKey, KubeObject, StoreEvent } from "./types.js";
import { WatchHistory, defaultWatchHistoryOptions } from "./watch_history.js";

export { RevisionTooOldError } from "./watch_history.js";

export interface StoreOptions {
  /** The most changes of one collection that watches can resume from; older revisions get 410 Expired. */
  historySize: number;
  /** Milliseconds since the epoch, for the history's freshness window. */
  now(): number;
  /** Persist to this directory when set. */
  dataDir: string | undefined;
}

export const defaultStoreOptions: StoreOptions = {
  historySize: defaultWatchHistoryOptions.maxEvents,
  now: () => Date.now(),
  dataDir: undefined,
};

/** Receives events of one collection in revision order. */
export type StoreListener = (event: StoreEvent) => void;

interface Collection {
  objects: Map<string, KubeObject>;
  sortedKeys: string[] | undefined;
  listeners: Set<StoreListener>;
  history: WatchHistory;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ""}/${name}`;
}

export class Store {
  readonly #options: StoreOptions;
  readonly #collections = new Map<CollectionKey, Collection>();
  #revision = 1;
  /** The revision the store was opened at: where the history of every collection begins. */
  #openedAt = 1;
  #wal: WriteAheadLog | undefined;
  #dispatchChain: Promise<void> = Promise.resolve();
  readonly #globalListeners = new Set<StoreListener>();

  private constructor(options: StoreOptions) {
    this.#options = options;
  }

  /** Opens a store, replaying and compacting the log when `dataDir` is set. */
  static async open(options: Partial<StoreOptions> = {}): Promise<Store> {
    const store = new Store({ ...defaultStoreOptions, ...options });
    if (store.#options.dataDir) {
      const wal = new WriteAheadLog(store.#options.dataDir);
      for (const record of wal.replay()) store.#replayRecord(record);
      store.#openedAt = store.#revision;
      await wal.rewrite(store.#snapshotRecords());
      store.#wal = wal;
    }
    return store;
  }

  #replayRecord(record: LogRecord): void {
    const collection = this.#collection(record.collection);
    if (record.op === "put") {
      if (!collection.objects.has(record.key)) collection.sortedKeys = undefined;
      collection.objects.set(record.key, record.object);
    } else if (collection.objects.delete(record.key)) {
      collection.sortedKeys = undefined;
    }
    this.#revision = Math.max(this.#revision, record.revision);
  }

  *#snapshotRecords(): Generator<LogRecord> {
    for (const [name, collection] of this.#collections) {
      for (const [key, object] of collection.objects) {
        yield { op: "put", collection: name, key, object, revision: Number(object.metadata.resourceVersion ?? 0) };
      }
    }
    // Keep the revision counter even when the newest change was a deletion.
    yield { op: "delete", collection: "", key: "", revision: this.#revision };
  }

  #collection(name: CollectionKey): Collection {
    let collection = this.#collections.get(name);
    if (!collection) {
      const history = new WatchHistory(this.#openedAt, {
        maxEvents: this.#options.historySize,
        now: this.#options.now,
      });
      collection = { objects: new Map(), sortedKeys: undefined, listeners: new Set(), history };
      this.#collections.set(name, collection);
    }
    return collection;
  }

  /** The newest revision handed out. */
  currentRevision(): number {
    return this.#revision;
  }

  /** The next revision a write will get, reserved now. */
  #nextRevision(): number {
    this.#revision += 1;
    return this.#revision;
  }

  get(collection: CollectionKey, key: string): KubeObject | undefined {
    return this.#collections.get(collection)?.objects.get(key);
  }

  /** Objects of a collection in key order (namespace/name), optionally of one namespace. */
  list(collectionName: CollectionKey, namespace?: string): KubeObject[] {
    const collection = this.#collections.get(collectionName);
    if (!collection) return [];
    collection.sortedKeys ??= [...collection.objects.keys()].sort();
    const prefix = namespace === undefined ? undefined : `${namespace}/`;
    const result: KubeObject[] = [];
    for (const key of collection.sortedKeys) {
      if (prefix && !key.startsWith(prefix)) continue;
      const object = collection.objects.get(key);
      if (object) result.push(object);
    }
    return result;
  }

  /**
   * A collection's objects as they were at `revision`, in key order: the current objects with the
   * kept changes after `revision` undone.
   * @throws RevisionTooOldError when changes after `revision` are no longer kept.
   */
  listAt(collectionName: CollectionKey, revision: number, namespace?: string): KubeObject[] {
    const changes = this.changesSince(collectionName, revision);
    if (changes.length === 0) return this.list(collectionName, namespace);
    const objects = new Map(this.#collections.get(collectionName)?.objects);
    for (const change of changes.reverse()) {
      const key = objectKey(change.object.metadata.namespace, change.object.metadata.name ?? "");
      if (change.previous) objects.set(key, change.previous);
      else objects.delete(key);
    }
    const prefix = namespace === undefined ? undefined : `${namespace}/`;
    return [...objects.keys()]
      .filter((key) => !prefix || key.startsWith(prefix))
      .sort()
      .map((key) => objects.get(key) as KubeObject);
  }

  count(collection: CollectionKey): number {
    return this.#collections.get(collection)?.objects.size ?? 0;
  }

  /**
   * Stores `object` under `key` (create or update), stamping `metadata.resourceVersion` with a new
   * revision. The caller has already checked preconditions against `get()` synchronously.
   */
  put(collectionName: CollectionKey, key: string, object: KubeObject): { object: KubeObject; durable: Promise<void> } {
    const collection = this.#collection(collectionName);
    const previous = collection.objects.get(key);
    const revision = this.#nextRevision();
    object.metadata.resourceVersion = String(revision);
    if (!previous) collection.sortedKeys = undefined;
    collection.objects.set(key, object);
    const event: StoreEvent = {
      type: previous ? "MODIFIED" : "ADDED",
      collection: collectionName,
      object,
      previous,
      revision,
    };
    return { object, durable: this.#record(event, { op: "put", collection: collectionName, key, object, revision }) };
  }

  /** Removes `key`; the DELETED event carries the last state with the deletion's revision. */
  delete(collectionName: CollectionKey, key: string): { object: KubeObject; durable: Promise<void> } | undefined {
    const collection = this.#collections.get(collectionName);
    const previous = collection?.objects.get(key);
    if (!collection || !previous) return undefined;
    const revision = this.#nextRevision();
    collection.objects.delete(key);
    collection.sortedKeys = undefined;
    const object: KubeObject = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(revision) } };
    const event: StoreEvent = { type: "DELETED", collection: collectionName, object, previous, revision };
    return { object, durable: this.#record(event, { op: "delete", collection: collectionName, key, revision }) };
  }

  #record(event: StoreEvent, logRecord: LogRecord): Promise<void> {
    this.#collection(event.collection).history.add(event);
    const durable = this.#wal ? this.#wal.append(logRecord) : Promise.resolve();
    // Chain dispatches so that watchers see events in revision order even across log batches.
    this.#dispatchChain = this.#dispatchChain.then(
      () => durable.then(() => this.#dispatch(event)),
      () => durable.then(() => this.#dispatch(event)),
    );
    return this.#dispatchChain;
  }

  #dispatch(event: StoreEvent): void {
    const collection = this.#collections.get(event.collection);
    const listeners = [...(collection?.listeners ?? []), ...this.#globalListeners];
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // One failing watcher must neither stop the others nor fail the write that is already stored.
      }
    }
  }

  /** Registers a listener for every collection's events (the garbage collector's view). */
  subscribeAll(listener: StoreListener): () => void {
    this.#globalListeners.add(listener);
    return () => this.#globalListeners.delete(listener);
  }

  /** Names of the collections that hold objects. */
  collectionNames(): CollectionKey[] {
    return [...this.#collections.keys()];
  }

  /**
   * Changes of a collection after `revision` still in its history.
   * @throws RevisionTooOldError when changes after `revision` may have been dropped.
   */
  changesSince(collection: CollectionKey, revision: number): StoreEvent[] {
    return this.#collection(collection).history.since(revision);
  }

  /**
   * Starts a collection's history afresh at the current revision, as a newly created watch cache
   * does (kube-apiserver recreates a custom resource's storage when its CRD changes).
   */
  restartHistory(collection: CollectionKey): void {
    this.#collection(collection).history.restart(this.#revision);
  }

  /** Registers a listener for a collection's events; returns the function that removes it. */
  subscribe(collectionName: CollectionKey, listener: StoreListener): () => void {
    const collection = this.#collection(collectionName);
    collection.listeners.add(listener);
    return () => collection.listeners.delete(listener);
  }

  /** Waits for pending writes and closes the log. */
  async close(): Promise<void> {
    await this.#dispatchChain.catch(() => undefined);
    await this.#wal?.close();
  }
}
