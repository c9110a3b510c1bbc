import { realClock, type Clock, type TimerHandle } from "../clock.js";
import { noopQueueMetrics, type QueueMetrics } from "./metrics.js";
import { WorkQueue, type QueueGetResult } from "./queue.js";
import { defaultControllerRateLimiter, type RateLimiter } from "./rate_limiters.js";

/** Options of {@link RateLimitingQueue}. */
export interface RateLimitingQueueOptions<T> {
  clock: Clock;
  rateLimiter: RateLimiter<T>;
  metrics: QueueMetrics;
}

interface Pending<T> {
  readyAt: number;
  item: T;
}

/**
 * A {@link WorkQueue} with delayed adds and rate-limited retries (client-go's
 * `TypedRateLimitingInterface`), the queue every controller owns.
 *
 * Guarantees: everything {@link WorkQueue} guarantees; a delayed item is added when its time comes;
 * adding an item that already waits with a later time moves it earlier (the earliest
 * `requeueAfter` wins), with an earlier time does nothing.
 * Caveats: an immediate `add()` does not cancel a pending delayed add of the same item (as in
 * client-go); the later add is de-duplicated if the item is still waiting by then.
 */
export class RateLimitingQueue<T> {
  readonly #clock: Clock;
  readonly #rateLimiter: RateLimiter<T>;
  readonly #metrics: QueueMetrics;
  readonly #queue: WorkQueue<T>;
  /** Items waiting for their time, by the time they are due. */
  readonly #waiting = new Map<T, number>();
  /** A min-heap of (readyAt, item); entries no longer matching #waiting are skipped. */
  #heap: Pending<T>[] = [];
  #timer: { handle: TimerHandle; at: number } | undefined;

  constructor(options: Partial<RateLimitingQueueOptions<T>> = {}) {
    this.#clock = options.clock ?? realClock;
    this.#rateLimiter = options.rateLimiter ?? defaultControllerRateLimiter<T>(this.#clock);
    this.#metrics = options.metrics ?? noopQueueMetrics;
    this.#queue = new WorkQueue<T>({ clock: this.#clock, metrics: this.#metrics });
  }

  /** Queues an item now. */
  add(item: T): void {
    this.#queue.add(item);
  }

  /** Queues an item after `delayMs`; an earlier pending time for the same item wins. */
  addAfter(item: T, delayMs: number): void {
    if (this.#queue.shuttingDown()) return;
    if (delayMs <= 0) {
      this.add(item);
      return;
    }
    const readyAt = this.#clock.now() + delayMs;
    const existing = this.#waiting.get(item);
    if (existing !== undefined && existing <= readyAt) return;
    this.#waiting.set(item, readyAt);
    this.#heapPush({ readyAt, item });
    this.#schedule();
  }

  /** Queues an item after the rate limiter's delay (a retry after failure). */
  addRateLimited(item: T): void {
    this.#metrics.retry();
    this.addAfter(item, this.#rateLimiter.when(item));
  }

  /** Clears the item's failure history, so its next failure starts again from the base delay. */
  forget(item: T): void {
    this.#rateLimiter.forget(item);
  }

  /** Failures of the item since it was last forgotten. */
  numRequeues(item: T): number {
    return this.#rateLimiter.numRequeues(item);
  }

  get(): Promise<QueueGetResult<T>> {
    return this.#queue.get();
  }

  done(item: T): void {
    this.#queue.done(item);
  }

  len(): number {
    return this.#queue.len();
  }

  /** Items waiting for a delayed add. */
  waitingCount(): number {
    return this.#waiting.size;
  }

  processingCount(): number {
    return this.#queue.processingCount();
  }

  shuttingDown(): boolean {
    return this.#queue.shuttingDown();
  }

  /** Stops handing out work and drops pending delayed adds. */
  shutDown(): void {
    if (this.#timer) this.#clock.clearTimeout(this.#timer.handle);
    this.#timer = undefined;
    this.#waiting.clear();
    this.#heap = [];
    this.#queue.shutDown();
  }

  /** Resolves once no item is being processed. */
  drained(): Promise<void> {
    return this.#queue.drained();
  }

  #schedule(): void {
    const next = this.#peekValid();
    if (!next) return;
    if (this.#timer && this.#timer.at <= next.readyAt) return;
    if (this.#timer) this.#clock.clearTimeout(this.#timer.handle);
    const at = next.readyAt;
    this.#timer = { at, handle: this.#clock.setTimeout(() => this.#fire(), at - this.#clock.now()) };
  }

  #fire(): void {
    this.#timer = undefined;
    const now = this.#clock.now();
    for (let next = this.#peekValid(); next && next.readyAt <= now; next = this.#peekValid()) {
      this.#heapPop();
      this.#waiting.delete(next.item);
      this.#queue.add(next.item);
    }
    this.#schedule();
  }

  /** The earliest heap entry that is still current, discarding superseded ones. */
  #peekValid(): Pending<T> | undefined {
    for (;;) {
      const top = this.#heap[0];
      if (!top) return undefined;
      if (this.#waiting.get(top.item) === top.readyAt) return top;
      this.#heapPop();
    }
  }

  #heapPush(entry: Pending<T>): void {
    const heap = this.#heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((heap[parent] as Pending<T>).readyAt <= entry.readyAt) break;
      heap[index] = heap[parent] as Pending<T>;
      index = parent;
    }
    heap[index] = entry;
  }

  #heapPop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      let smallestAt = last.readyAt;
      if (left < heap.length && (heap[left] as Pending<T>).readyAt < smallestAt) {
        smallest = left;
        smallestAt = (heap[left] as Pending<T>).readyAt;
      }
      if (right < heap.length && (heap[right] as Pending<T>).readyAt < smallestAt) smallest = right;
      if (smallest === index) break;
      heap[index] = heap[smallest] as Pending<T>;
      index = smallest;
    }
    heap[index] = last;
  }
}
