import { realClock, type Clock } from "../clock.js";

/**
 * Rate limiters decide how long a failed item waits before its retry (client-go's
 * `workqueue.TypedRateLimiter`).
 */
export interface RateLimiter<T> {
  /** The delay before `item` may be retried; counts a failure. */
  when(item: T): number;
  /** Clears `item`'s failure history (after a success). */
  forget(item: T): void;
  /** How many failures `item` has had since it was last forgotten. */
  numRequeues(item: T): number;
}

/** Options of {@link ItemExponentialFailureRateLimiter}. */
export interface ExponentialOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Per-item exponential back-off: `base * 2^failures`, capped at `max`. */
export class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #failures = new Map<T, number>();

  constructor(options: ExponentialOptions) {
    this.#baseDelayMs = options.baseDelayMs;
    this.#maxDelayMs = options.maxDelayMs;
  }

  when(item: T): number {
    const failures = this.#failures.get(item) ?? 0;
    this.#failures.set(item, failures + 1);
    // 2^failures overflows to Infinity long before it matters; the cap keeps it finite.
    return Math.min(this.#baseDelayMs * 2 ** failures, this.#maxDelayMs);
  }

  forget(item: T): void {
    this.#failures.delete(item);
  }

  numRequeues(item: T): number {
    return this.#failures.get(item) ?? 0;
  }
}

/** Options of {@link BucketRateLimiter}. */
export interface BucketOptions {
  /** Tokens added per second. */
  qps: number;
  /** The bucket's size: how many retries may go at once. */
  burst: number;
  clock: Clock;
}

/**
 * An overall token bucket (golang.org/x/time/rate's reservation semantics): every retry takes a
 * token; with none left the retry waits until one accrues. Caps retries of all items together, so
 * many failing items cannot hammer the API server.
 */
export class BucketRateLimiter<T> implements RateLimiter<T> {
  readonly #qps: number;
  readonly #burst: number;
  readonly #clock: Clock;
  #tokens: number;
  #last: number;

  constructor(options: Partial<BucketOptions> & { qps: number; burst: number }) {
    this.#qps = options.qps;
    this.#burst = options.burst;
    this.#clock = options.clock ?? realClock;
    this.#tokens = options.burst;
    this.#last = this.#clock.now();
  }

  when(_item: T): number {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) / 1000) * this.#qps);
    this.#last = now;
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : (-this.#tokens / this.#qps) * 1000;
  }

  forget(_item: T): void {
    // The bucket is shared by all items: nothing per item to forget.
  }

  numRequeues(_item: T): number {
    return 0;
  }
}

/** The longest delay of several limiters (client-go's `MaxOfRateLimiter`). */
export class MaxOfRateLimiter<T> implements RateLimiter<T> {
  readonly #limiters: RateLimiter<T>[];

  constructor(limiters: RateLimiter<T>[]) {
    this.#limiters = limiters;
  }

  when(item: T): number {
    return Math.max(0, ...this.#limiters.map((limiter) => limiter.when(item)));
  }

  forget(item: T): void {
    for (const limiter of this.#limiters) limiter.forget(item);
  }

  numRequeues(item: T): number {
    return Math.max(0, ...this.#limiters.map((limiter) => limiter.numRequeues(item)));
  }
}

/** controller-runtime's default numbers. */
export const DEFAULT_RATE_LIMITER_OPTIONS = {
  baseDelayMs: 5,
  maxDelayMs: 1000 * 1000,
  qps: 10,
  burst: 100,
} as const;

/**
 * controller-runtime's default controller rate limiter: per-item exponential back-off from 5 ms
 * doubling to 1000 s, combined (max) with an overall 10 qps / burst 100 bucket.
 */
export function defaultControllerRateLimiter<T>(clock: Clock = realClock): RateLimiter<T> {
  const options = DEFAULT_RATE_LIMITER_OPTIONS;
  return new MaxOfRateLimiter<T>([
    new ItemExponentialFailureRateLimiter<T>({ baseDelayMs: options.baseDelayMs, maxDelayMs: options.maxDelayMs }),
    new BucketRateLimiter<T>({ qps: options.qps, burst: options.burst, clock }),
  ]);
}
