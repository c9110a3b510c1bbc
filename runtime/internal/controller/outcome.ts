import { isTerminalError, type ReconcileResult } from "../../reconcile/reconcile.js";
import type { ReconcileResultLabel } from "../../metrics/registry.js";

/**
 * How a reconcile ended, and the one place that decides what the queue does about it.
 */

/** The ways a reconcile can end. */
export type Outcome =
  | { kind: "success" }
  | { kind: "requeue" }
  | { kind: "requeueAfter"; delayMs: number }
  | { kind: "terminal"; error: unknown }
  | { kind: "error"; error: unknown };

/** Classifies what a reconcile returned or threw. */
export function outcomeOf(settled: { result: ReconcileResult } | { error: unknown }): Outcome {
  if ("error" in settled) {
    return isTerminalError(settled.error)
      ? { kind: "terminal", error: settled.error }
      : { kind: "error", error: settled.error };
  }
  const result = settled.result ?? {};
  if (result.requeueAfter !== undefined && result.requeueAfter > 0)
    return { kind: "requeueAfter", delayMs: result.requeueAfter };
  if (result.requeue) return { kind: "requeue" };
  return { kind: "success" };
}

/** The queue operations an outcome needs. */
export interface OutcomeQueue<K> {
  forget(key: K): void;
  addRateLimited(key: K): void;
  addAfter(key: K, delayMs: number): void;
}

/**
 * Applies an outcome to the queue and says which `result` label the reconcile counts under.
 * This switch is the whole retry policy:
 * - success: forget the key, so back-off restarts from the base delay after the next failure;
 * - requeue: retry with the rate limiter (back-off grows while the reconciler keeps asking);
 * - requeueAfter: forget back-off (this is a planned wait, not a failure), add after the delay;
 * - terminal error: forget; retrying cannot help, so wait for the next event;
 * - error: retry with the rate limiter (per-item exponential back-off, overall bucket).
 */
export function applyOutcome<K>(queue: OutcomeQueue<K>, key: K, outcome: Outcome): ReconcileResultLabel {
  switch (outcome.kind) {
    case "success":
      queue.forget(key);
      return "success";
    case "requeue":
      queue.addRateLimited(key);
      return "requeue";
    case "requeueAfter":
      queue.forget(key);
      queue.addAfter(key, outcome.delayMs);
      return "requeue_after";
    case "terminal":
      queue.forget(key);
      return "error";
    case "error":
      queue.addRateLimited(key);
      return "error";
  }
}
