/**
 * When to flip what: the useless machine's timing rules as a pure function of the switches' state,
 * the time and the operator settings.
 *
 * - An up switch is first marked seen (`status.seenAt`, or the machine's seen-at annotation for
 *   its own switch); it becomes due `flipDelay` after that.
 * - A due switch is flipped down if the machine flipped nothing in the last `flipInterval`;
 *   the oldest due switch goes first (seen earliest, then by name).
 * - A switch that is flipped in the same pass needs no seen mark (a zero delay writes nothing
 *   but the flip); one that must wait gets it, so the wait survives a restart.
 * - A down switch that still carries a seen mark has it cleared (someone flipped it down first,
 *   or the operator stopped between flipping and clearing).
 * - The result says when to look again; the controller never sleeps.
 */
import type { OperatorSettings } from "./settings.js";

/** What can be flipped: one of the machine's switches, or the machine's own `spec.switchPosition`. */
export interface FlipCandidate<Target> {
  target: Target;
  /** Sort key among candidates seen at the same time. */
  name: string;
  up: boolean;
  /** When the controller first saw it up (ms), if recorded. */
  seenAt?: number | undefined;
}

/** One timing action for the controller to carry out, in order. */
export type FlipAction<Target> =
  | { type: "recordSeen"; target: Target; at: number }
  | { type: "flip"; target: Target; at: number }
  | { type: "clearSeen"; target: Target };

/** The outcome of {@link planFlips}. */
export interface FlipPlan<Target> {
  actions: FlipAction<Target>[];
  /** When this machine last flipped, this pass included. */
  lastFlipAt: number | undefined;
  /** When something will be due that is not done now (ms since the epoch), if anything. */
  wakeAt: number | undefined;
}

/** Inputs of {@link planFlips}. */
export interface FlipPlanInput<Target> {
  candidates: readonly FlipCandidate<Target>[];
  now: number;
  settings: OperatorSettings;
  /** When this machine last flipped anything, if known. */
  lastFlipAt: number | undefined;
}

/** Decides which candidates to mark seen, flip down and clear, and when to look again. */
export function planFlips<Target>(input: FlipPlanInput<Target>): FlipPlan<Target> {
  const { now, settings } = input;
  const actions: FlipAction<Target>[] = [];
  let lastFlipAt = input.lastFlipAt;
  let wakeAt: number | undefined;
  const wakeNoLaterThan = (at: number): void => {
    wakeAt = wakeAt === undefined ? at : Math.min(wakeAt, at);
  };

  const up = input.candidates
    .filter((candidate) => candidate.up)
    .map((candidate) => ({ candidate, due: (candidate.seenAt ?? now) + settings.flipDelayMs }))
    .sort((a, b) => a.due - b.due || compareNames(a.candidate.name, b.candidate.name));

  for (const { candidate, due } of up) {
    const allowedAt = lastFlipAt === undefined ? now : lastFlipAt + settings.flipIntervalMs;
    if (due <= now && allowedAt <= now) {
      actions.push({ type: "flip", target: candidate.target, at: now });
      if (candidate.seenAt !== undefined) actions.push({ type: "clearSeen", target: candidate.target });
      lastFlipAt = now;
      continue;
    }
    if (candidate.seenAt === undefined) actions.push({ type: "recordSeen", target: candidate.target, at: now });
    wakeNoLaterThan(Math.max(due, allowedAt));
  }

  for (const candidate of input.candidates) {
    if (!candidate.up && candidate.seenAt !== undefined) actions.push({ type: "clearSeen", target: candidate.target });
  }
  return { actions, lastFlipAt, wakeAt };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
