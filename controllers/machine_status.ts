/**
 * The status a machine reports, computed from its switches once the reconciler's writes are done,
 * and whether the status subresource needs a write at all.
 *
 * `Ready` is True (reason `SwitchesReady`) when every switch the machine should have exists and the
 * status reflects them, as the Machine type documents; its message says how many are up, the
 * machine's own `spec.switchPosition` included. It is False with reason `Scaling` while the count
 * is wrong.
 */
import { setStatusCondition, type ConditionInput } from "uselessctl";
import type { Machine, MachineStatus, Switch } from "../api/v1alpha1/index.js";
import { desiredSwitches } from "./machine_plan.js";
import { byName, positionOf } from "./switch_membership.js";

/** The condition type the machine reports. */
export const READY = "Ready";

/** What {@link machineStatus} computes. */
export interface MachineStatusUpdate {
  status: MachineStatus;
  /** Whether `status` says anything the machine's current status does not: write it only then. */
  changed: boolean;
}

/** The status `machine` should have, given the switches that belong to it, at time `now`. */
export function machineStatus(machine: Machine, switches: readonly Switch[], now: number): MachineStatusUpdate {
  const current = machine.status ?? {};
  const sorted = [...switches].sort(byName);
  const generation = machine.metadata?.generation;
  const conditions = structuredClone(current.conditions ?? []);
  const conditionChanged = setStatusCondition(conditions, readyCondition(machine, sorted, generation), {
    now: () => new Date(now),
  });
  const status: MachineStatus = {
    switches: sorted.length,
    positions: sorted.map((sw) => positionOf(sw)[0]).join(""),
    ...(generation === undefined ? {} : { observedGeneration: generation }),
    conditions,
  };
  const changed =
    conditionChanged ||
    current.switches !== status.switches ||
    current.positions !== status.positions ||
    current.observedGeneration !== status.observedGeneration;
  return { status, changed };
}

function readyCondition(machine: Machine, switches: readonly Switch[], generation: number | undefined): ConditionInput {
  const desired = desiredSwitches(machine);
  const up = switches.filter((sw) => positionOf(sw) !== "down").length + (machine.spec.switchPosition === "up" ? 1 : 0);
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
