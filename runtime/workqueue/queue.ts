import { realClock, type Clock } from "../clock.js";
import { noopQueueMetrics, type QueueMetrics } from "./metrics.js";

/** What `get()` hands out: an item, or `shutdown` once the queue is shut down. */
export type QueueGetResult<T> = { shutdown: false; item: T } | { shutdown: true; item?: undefined };

/** Options of {@link WorkQueue}. */
export interface WorkQueueOptions {
  clock: Clock;
  metrics: QueueMetrics;
}

const DEFAULT_WORK_QUEUE_OPTIONS: WorkQueueOptions = { clock: realClock, metrics: noopQueueMetrics };

/**
 * A FIFO of keys with client-go's work queue semantics.
 *
 * Guarantees:
 * - de-duplication: an item waiting is queued once however often it is added;
 * - exclusivity: an item handed out by `get()` is not handed out again until `done(item)`; adds
 *   meanwhile mark it dirty and it is queued again at `done`, so no event is lost;
 * - fairness: items are handed out in the order they were first added.
 *
 * Caveats: items are compared by value (`Map` semantics), so use strings or numbers. Unlike
 * client-go, `get()` returns `shutdown` as soon as the queue is shut down even if items wait:
 * a stopping controller takes no new work.
 */
export class WorkQueue<T> {
  readonly #clock: Clock;
  readonly #metrics: QueueMetrics;
  #queue: T[] = [];
  #head = 0;
  /** Items that need processing, with the time they were first queued (for latency). */
  readonly #dirty = new Map<T, number>();
  /** Items handed out and not yet done, with the time they were handed out. */
  readonly #processing = new Map<T, number>();
  #waiters: ((result: QueueGetResult<T>) => void)[] = [];
  #drainWaiters: (() => void)[] = [];
  #shuttingDown = false;

  constructor(options: Partial<WorkQueueOptions> = {}) {
    const settings = { ...DEFAULT_WORK_QUEUE_OPTIONS, ...options };
    this.#clock = settings.clock;
    this.#metrics = settings.metrics;
  }

  /** Queues an item unless it is already waiting. Ignored after shutdown. */
  add(item: T): void {
    if (this.#shuttingDown) return;
    this.#metrics.add();
    if (this.#dirty.has(item)) return;
    this.#dirty.set(item, this.#clock.now());
    // An item being processed is queued again at done(), never handed out twice at once.
    if (this.#processing.has(item)) return;
    this.#push(item);
  }

  #push(item: T): void {
    const waiter = this.#waiters.shift();
    if (waiter) {
      this.#handOut(item, waiter);
      return;
    }
    this.#queue.push(item);
    this.#metrics.depth(this.len());
  }

  #handOut(item: T, deliver: (result: QueueGetResult<T>) => void): void {
    const now = this.#clock.now();
    const queuedAt = this.#dirty.get(item) ?? now;
    this.#dirty.delete(item);
    this.#processing.set(item, now);
    this.#metrics.queueLatency((now - queuedAt) / 1000);
    deliver({ shutdown: false, item });
  }

  /** The number of items waiting to be handed out. */
  len(): number {
    return this.#queue.length - this.#head;
  }

  /** The number of items handed out and not yet done. */
  processingCount(): number {
    return this.#processing.size;
  }

  /** Waits for the next item; resolves `{ shutdown: true }` once the queue is shut down. */
  get(): Promise<QueueGetResult<T>> {
    if (this.#shuttingDown) return Promise.resolve({ shutdown: true });
    if (this.len() > 0) {
      const item = this.#queue[this.#head] as T;
      this.#head++;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
      this.#metrics.depth(this.len());
      return new Promise((resolve) => this.#handOut(item, resolve));
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Marks an item processed; if it was added meanwhile it is queued again now. */
  done(item: T): void {
    const startedAt = this.#processing.get(item);
    if (startedAt === undefined) return;
    this.#processing.delete(item);
    this.#metrics.workDuration((this.#clock.now() - startedAt) / 1000);
    if (this.#dirty.has(item) && !this.#shuttingDown) this.#push(item);
    if (this.#processing.size === 0) {
      for (const resolve of this.#drainWaiters.splice(0)) resolve();
    }
  }

  /** Stops handing out work: waiting and future `get()` calls resolve `{ shutdown: true }`. */
  shutDown(): void {
    this.#shuttingDown = true;
    for (const waiter of this.#waiters.splice(0)) waiter({ shutdown: true });
  }

  /** Whether `shutDown()` was called. */
  shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** Resolves once no item is being processed (after shutdown, once in-flight work finished). */
  drained(): Promise<void> {
    if (this.#processing.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push(resolve));
  }
}
