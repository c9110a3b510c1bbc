import type { Clock } from "../clock.js";

/** Waits `ms` on the clock; resolves early (without error) when the signal aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      resolve();
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Resolves once the signal aborts (at once when it already has). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * A signal that aborts after `ms` on the clock, or when `parent` aborts; `dispose` cancels the
 * timer and unlinks the parent once the wait it bounds is over.
 */
export function abortAfter(clock: Clock, ms: number, parent?: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onParentAbort = (): void => controller.abort();
  if (parent?.aborted) controller.abort();
  parent?.addEventListener("abort", onParentAbort, { once: true });
  const handle = clock.setTimeout(() => controller.abort(), ms);
  return {
    signal: controller.signal,
    dispose() {
      clock.clearTimeout(handle);
      parent?.removeEventListener("abort", onParentAbort);
    },
  };
}

/** Compares two resourceVersions when both are decimal integers (etcd's); undefined when opaque. */
export function compareResourceVersions(a: string, b: string): number | undefined {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return undefined;
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
