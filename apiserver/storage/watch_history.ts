/**
 * The changes of one collection that watches can resume from, kept as kube-apiserver's watch
 * cache keeps them: a sliding window that starts at the revision its storage began at (server
 * start, or a CRD's storage being recreated) and whose capacity adapts to keep about
 * `freshMs` of changes: it doubles (up to `maxEvents`) when full of fresh changes, halves (down
 * to `minEvents`) when even its newest quarter is stale, and otherwise drops the oldest change.
 *
 * A watch from revision R can be served when nothing after R was dropped: R >= (the oldest kept
 * change's revision - 1), or R >= the start revision while nothing was dropped since the start.
 */
import type { StoreEvent } from "./types.js";

/** Thrown when a revision is older than the kept history; the message is kube-apiserver's. */
export class RevisionTooOldError extends Error {
  readonly requested: number;
  readonly oldest: number;
  constructor(requested: number, oldest: number) {
    super(`too old resource version: ${requested} (${oldest})`);
    this.requested = requested;
    this.oldest = oldest;
  }
}

export interface WatchHistoryOptions {
  /** The capacity it starts with and never shrinks below (kube-apiserver: 100). */
  minEvents: number;
  /** The capacity it never grows beyond (kube-apiserver: 100 * 1024). */
  maxEvents: number;
  /** How long a change counts as fresh (kube-apiserver's eventFreshDuration: 75 s). */
  freshMs: number;
  /** Milliseconds since the epoch; injected so that tests need no real time. */
  now(): number;
}

export const defaultWatchHistoryOptions: WatchHistoryOptions = {
  minEvents: 100,
  maxEvents: 100 * 1024,
  freshMs: 75_000,
  now: () => Date.now(),
};

interface Recorded {
  event: StoreEvent;
  at: number;
}

export class WatchHistory {
  readonly #options: WatchHistoryOptions;
  /** Kept changes are `entries[head..]`; the array is compacted now and then rather than shifted on every write. */
  #entries: Recorded[] = [];
  #head = 0;
  #capacity: number;
  #startRevision: number;
  #droppedSinceStart = false;

  constructor(startRevision: number, options: Partial<WatchHistoryOptions> = {}) {
    const completed = { ...defaultWatchHistoryOptions, ...options };
    this.#options = { ...completed, minEvents: Math.min(completed.minEvents, completed.maxEvents) };
    this.#capacity = this.#options.minEvents;
    this.#startRevision = startRevision;
  }

  get #size(): number {
    return this.#entries.length - this.#head;
  }

  /** Forgets every change: watches can resume from `revision` onwards only (a new watch cache). */
  restart(revision: number): void {
    this.#entries = [];
    this.#head = 0;
    this.#startRevision = revision;
    this.#droppedSinceStart = false;
    this.#capacity = this.#options.minEvents;
  }

  add(event: StoreEvent): void {
    const at = this.#options.now();
    this.#resize(at);
    if (this.#size >= this.#capacity) this.#drop(this.#size - this.#capacity + 1);
    this.#entries.push({ event, at });
  }

  #drop(count: number): void {
    this.#head += count;
    this.#droppedSinceStart = true;
    if (this.#head > 1024 && this.#head > this.#entries.length / 2) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
  }

  #resize(at: number): void {
    if (this.#size < this.#capacity) return;
    const oldest = this.#entries[this.#head];
    if (oldest && at - oldest.at < this.#options.freshMs) {
      this.#capacity = Math.min(this.#capacity * 2, this.#options.maxEvents);
      return;
    }
    const quarterFromNewest = this.#entries[this.#entries.length - Math.floor(this.#capacity / 4)];
    if (quarterFromNewest && at - quarterFromNewest.at > this.#options.freshMs) {
      this.#capacity = Math.max(Math.floor(this.#capacity / 2), this.#options.minEvents);
    }
  }

  /** The oldest revision a watch can resume from. */
  oldestResumable(): number {
    const first = this.#entries[this.#head];
    if (this.#droppedSinceStart && first) return first.event.revision - 1;
    return this.#startRevision;
  }

  /**
   * The kept changes after `revision`, oldest first.
   * @throws RevisionTooOldError when changes after `revision` may be missing.
   */
  since(revision: number): StoreEvent[] {
    const oldest = this.oldestResumable();
    if (revision < oldest) throw new RevisionTooOldError(revision, oldest);
    let low = this.#head;
    let high = this.#entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#entries[middle]?.event.revision ?? 0) <= revision) low = middle + 1;
      else high = middle;
    }
    return this.#entries.slice(low).map((entry) => entry.event);
  }
}
