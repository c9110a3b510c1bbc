/**
 * The status a machine reports, computed from its switches once the reconciler's writes are done,
 * and the test that decides whether the status subresource needs a write at all.
 *
 * `Ready` is True (reason `SwitchesReady`) when every switch the machine should have exists and the
 * status reflects them, as the Machine type documents; its message says how many are up, the
 * machine's own `spec.switchPosition` included. It is False with reason `Scaling` while the count
 * is wrong.
 */
import { desiredSwitches } from "./machine_plan.js";
import {
  byName,
  formatSeconds,
  positionOf,
  type ConditionView,
  type MachineStatusView,
  type MachineView,
  type SwitchView,
} from "./objects.js";

/** The condition type the machine reports. */
export const READY = "Ready";

/** The status `machine` should have, given the switches that belong to it. */
export function machineStatus(machine: MachineView, switches: readonly SwitchView[], now: number): MachineStatusView {
  const sorted = [...switches].sort(byName);
  const generation = machine.metadata?.generation;
  const ready = readyCondition(machine, sorted, generation);
  return {
    switches: sorted.length,
    positions: sorted.map((sw) => positionOf(sw)[0]).join(""),
    ...(generation === undefined ? {} : { observedGeneration: generation }),
    conditions: mergeCondition(machine.status?.conditions ?? [], ready, now),
  };
}

/** Whether writing `next` would change what the machine's status says. */
export function statusChanged(current: MachineStatusView | undefined, next: MachineStatusView): boolean {
  return JSON.stringify(normalize(current ?? {})) !== JSON.stringify(normalize(next));
}

function normalize(status: MachineStatusView): unknown {
  return {
    switches: status.switches,
    positions: status.positions,
    observedGeneration: status.observedGeneration,
    conditions: (status.conditions ?? []).map((c) => [
      c.type,
      c.status,
      c.reason,
      c.message,
      c.observedGeneration,
      c.lastTransitionTime,
    ]),
  };
}

function readyCondition(
  machine: MachineView,
  switches: readonly SwitchView[],
  generation: number | undefined,
): Omit<ConditionView, "lastTransitionTime"> {
  const desired = desiredSwitches(machine);
  const up =
    switches.filter((sw) => positionOf(sw) !== "down").length + (machine.spec?.switchPosition === "up" ? 1 : 0);
  const base = generation === undefined ? {} : { observedGeneration: generation };
  if (switches.length !== desired) {
    return {
      ...base,
      type: READY,
      status: "False",
      reason: "Scaling",
      message: `${switches.length} of ${desired} switches exist`,
    };
  }
  const all = `all ${desired} ${desired === 1 ? "switch exists" : "switches exist"}`;
  const message = up === 0 ? `${all}, everything is down` : `${all}, ${up} up and waiting to be flipped down`;
  return { ...base, type: READY, status: "True", reason: "SwitchesReady", message };
}

/**
 * Puts `condition` into `conditions`, keeping `lastTransitionTime` when the status is unchanged
 * (as meta.SetStatusCondition does), and every other condition as it was.
 */
function mergeCondition(
  conditions: readonly ConditionView[],
  condition: Omit<ConditionView, "lastTransitionTime">,
  now: number,
): ConditionView[] {
  const existing = conditions.find((c) => c.type === condition.type);
  const lastTransitionTime =
    existing && existing.status === condition.status ? existing.lastTransitionTime : formatSeconds(now);
  const merged: ConditionView = { ...condition, lastTransitionTime };
  return existing ? conditions.map((c) => (c === existing ? merged : c)) : [...conditions, merged];
}
