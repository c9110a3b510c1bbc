/**
 * What the controller remembers between reconciles of a machine, as ReplicaSet expectations do:
 * switches it created that the cache does not show yet (so it does not create them twice) and
 * switches it deleted that the cache still shows (so it does not delete another in their place),
 * plus the time of its last flip. Entries go once the cache agrees or after a time-out, so a
 * lost event cannot freeze a machine. Memory only: after a restart the cache is authoritative
 * and the flipped-at annotations carry the spacing.
 */
import type { Switch } from "../api/v1alpha1/index.js";
import type { MachineMemory } from "./machine_plan.js";

/** How long an expectation is trusted without the cache confirming it. */
export const EXPECTATION_TIMEOUT_MS = 60_000;

/** One machine's memory, with the times its expectations were made. */
export interface MachineExpectations {
  lastFlipAt?: number | undefined;
  created: { switch: Switch; at: number }[];
  deleted: { name: string; at: number }[];
}

/** Empty memory, for a machine not seen before. */
export function noExpectations(): MachineExpectations {
  return { created: [], deleted: [] };
}

/**
 * Drops the expectations the cache has caught up with (created switches it shows, deleted ones it
 * no longer shows) or that have timed out, and returns what the plan needs.
 */
export function settleExpectations(
  expectations: MachineExpectations,
  cached: readonly Switch[],
  now: number,
): MachineMemory {
  const names = new Set(cached.map((sw) => sw.metadata?.name));
  const fresh = (at: number): boolean => now - at < EXPECTATION_TIMEOUT_MS;
  expectations.created = expectations.created.filter(
    (entry) => fresh(entry.at) && !names.has(entry.switch.metadata?.name),
  );
  expectations.deleted = expectations.deleted.filter((entry) => fresh(entry.at) && names.has(entry.name));
  return {
    lastFlipAt: expectations.lastFlipAt,
    created: expectations.created.map((entry) => entry.switch),
    deleted: expectations.deleted.map((entry) => entry.name),
  };
}
