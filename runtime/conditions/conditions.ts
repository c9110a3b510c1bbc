/**
 * Condition helpers with the semantics of apimachinery's `meta.SetStatusCondition` and friends:
 * `lastTransitionTime` moves only when `status` changes; reason, message and
 * `observedGeneration` are updated in place.
 */

import type { Condition } from "../../apimachinery/index.js";
import { formatTime, realClock, type Clock } from "../clock.js";

export type { Condition };

/** A condition to set: `lastTransitionTime` is filled in when omitted. */
export type ConditionInput = Omit<Condition, "lastTransitionTime" | "message"> & {
  lastTransitionTime?: string;
  message?: string;
};

/** Options of {@link setStatusCondition}. */
export interface SetConditionOptions {
  /** Where the time to record comes from (only its `now` is read); the wall clock by default. */
  clock?: Pick<Clock, "now">;
}

/**
 * Sets a condition in the list (adding it, or updating the one of the same type) and says whether
 * anything changed, so callers write status only when needed.
 */
export function setStatusCondition(
  conditions: Condition[],
  input: ConditionInput,
  options: SetConditionOptions = {},
): boolean {
  const clock = options.clock ?? realClock;
  const existing = conditions.find((condition) => condition.type === input.type);
  if (!existing) {
    conditions.push({
      type: input.type,
      status: input.status,
      ...(input.observedGeneration !== undefined ? { observedGeneration: input.observedGeneration } : {}),
      lastTransitionTime: input.lastTransitionTime ?? formatTime(clock.now()),
      reason: input.reason,
      message: input.message ?? "",
    });
    return true;
  }
  let changed = false;
  if (existing.status !== input.status) {
    existing.status = input.status;
    existing.lastTransitionTime = input.lastTransitionTime ?? formatTime(clock.now());
    changed = true;
  }
  if (existing.reason !== input.reason) {
    existing.reason = input.reason;
    changed = true;
  }
  if (existing.message !== (input.message ?? "")) {
    existing.message = input.message ?? "";
    changed = true;
  }
  if (existing.observedGeneration !== input.observedGeneration) {
    if (input.observedGeneration === undefined) delete existing.observedGeneration;
    else existing.observedGeneration = input.observedGeneration;
    changed = true;
  }
  return changed;
}

/** Removes the condition of a type; says whether one was there. */
export function removeStatusCondition(conditions: Condition[], type: string): boolean {
  const index = conditions.findIndex((condition) => condition.type === type);
  if (index < 0) return false;
  conditions.splice(index, 1);
  return true;
}

/** The condition of a type, or undefined. */
export function findStatusCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/** Whether the condition of a type is present with status True. */
export function isStatusConditionTrue(conditions: readonly Condition[] | undefined, type: string): boolean {
  return isStatusConditionPresentAndEqual(conditions, type, "True");
}

/** Whether the condition of a type is present with status False. */
export function isStatusConditionFalse(conditions: readonly Condition[] | undefined, type: string): boolean {
  return isStatusConditionPresentAndEqual(conditions, type, "False");
}

/** Whether the condition of a type is present with the given status. */
export function isStatusConditionPresentAndEqual(
  conditions: readonly Condition[] | undefined,
  type: string,
  status: Condition["status"],
): boolean {
  return findStatusCondition(conditions, type)?.status === status;
}
