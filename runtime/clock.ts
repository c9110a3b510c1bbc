/**
 * Injectable time for the runtime: the work queue, rate limiters, leader election and resync read
 * the time and set timers only through a {@link Clock}, so tests drive time by hand instead of
 * sleeping.
 */

/** A timer handle returned by {@link Clock.setTimeout}; opaque to callers. */
export interface TimerHandle {
  readonly id: number;
}

/** The source of time and timers every time-dependent part of the runtime takes as an option. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once after `delayMs` milliseconds. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  /** Cancels a timer; cancelling a fired or unknown timer does nothing. */
  clearTimeout(handle: TimerHandle): void;
}

let nextRealTimerId = 1;
const realTimers = new Map<number, NodeJS.Timeout>();

/** The wall clock, backed by `Date.now` and node timers (unref'd so they never hold the process). */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const id = nextRealTimerId++;
    const timer = setTimeout(
      () => {
        realTimers.delete(id);
        callback();
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    realTimers.set(id, timer);
    return { id };
  },
  clearTimeout(handle) {
    const timer = realTimers.get(handle.id);
    if (timer) {
      clearTimeout(timer);
      realTimers.delete(handle.id);
    }
  },
};

/** Kubernetes `Time` (metav1.Time): RFC 3339 to the second, in UTC. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}

/** Kubernetes `MicroTime` (metav1.MicroTime): RFC 3339 with microseconds, in UTC. */
export function formatMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

interface FakeTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock that moves only when told to: {@link FakeClock.advance} fires due timers in time order.
 * For unit tests of anything that takes a `Clock`.
 */
export class FakeClock implements Clock {
  #now: number;
  #nextId = 1;
  #timers: FakeTimer[] = [];

  constructor(startMs = 0) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, delayMs), callback };
    this.#timers.push(timer);
    return { id: timer.id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle.id);
  }

  /** How many timers are waiting to fire. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, earliest first. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      this.#now = Math.max(this.#now, due.at);
      due.callback();
    }
    this.#now = target;
  }
}
