/**
 * Everything the machine controller decides, as one pure function: given a machine, the switches
 * of its namespace, what this process remembers and the time, the list of writes to make and when
 * to look again. The reconciler (`machine_controller.ts`) only reads, calls this and writes.
 */
import type { Machine, Switch } from "../api/v1alpha1/index.js";
import { planFlips, type FlipAction, type FlipCandidate } from "./flip_plan.js";
import { FLIPPED_AT_ANNOTATION, SEEN_AT_ANNOTATION, parseTime } from "./marks.js";
import type { OperatorSettings } from "./settings.js";
import { byAge, classifySwitches, positionOf } from "./switch_membership.js";

/** What a flip or seen mark applies to: a switch, or the machine's own `spec.switchPosition`. */
export type Target = { kind: "switch"; switch: Switch } | { kind: "machine" };

/** One write the reconciler makes, in the order given. */
export type MachineAction =
  | { type: "release"; switch: Switch }
  | { type: "adopt"; switch: Switch }
  | { type: "delete"; switch: Switch }
  | { type: "create" }
  | FlipAction<Target>;

/** What this process remembers about a machine between reconciles (lost on restart, by design). */
export interface MachineMemory {
  /** When it last flipped something of this machine; the annotations cover restarts. */
  lastFlipAt?: number | undefined;
  /** Switches it created that the cache may not show yet, so that they are not created twice. */
  created: readonly Switch[];
  /** Names of switches it deleted that the cache may still show, so that none is deleted twice. */
  deleted: readonly string[];
}

/** The inputs of {@link planMachine}. */
export interface PlanInput {
  machine: Machine;
  /** Switches of the machine's namespace, as the cache has them; unrelated ones are ignored. */
  switches: readonly Switch[];
  now: number;
  settings: OperatorSettings;
  memory?: MachineMemory | undefined;
}

/** The outcome of {@link planMachine}. */
export interface MachinePlan {
  actions: MachineAction[];
  /** The switches that belong to the machine once the actions are done, created ones excluded. */
  members: Switch[];
  /** When the machine last flipped, this plan included (for {@link MachineMemory.lastFlipAt}). */
  lastFlipAt: number | undefined;
  /** Milliseconds until the machine must be looked at again, if something is waiting. */
  requeueAfterMs: number | undefined;
}

/** The number of switches a machine wants; the CRD defaults `spec.switches` to 1. */
export function desiredSwitches(machine: Machine): number {
  return Math.max(0, machine.spec.switches ?? 1);
}

/** Decides the writes that bring a machine and its switches to where the rules want them. */
export function planMachine(input: PlanInput): MachinePlan {
  const { machine, now } = input;
  if (machine.metadata?.deletionTimestamp) {
    // The garbage collector removes the switches through their owner references.
    return { actions: [], members: [], lastFlipAt: input.memory?.lastFlipAt, requeueAfterMs: undefined };
  }
  const switches = withExpectations(input.switches, input.memory);
  const { members: kept, adopt, release } = classifySwitches(machine, switches);
  const actions: MachineAction[] = [
    ...release.map((sw) => ({ type: "release" as const, switch: sw })),
    ...adopt.map((sw) => ({ type: "adopt" as const, switch: sw })),
  ];

  const members = [...kept, ...adopt].sort(byAge);
  const desired = desiredSwitches(machine);
  const excess = members.splice(desired);
  // The newest go first, so a scale-down keeps the switches that have been there longest.
  for (const sw of excess.reverse()) actions.push({ type: "delete", switch: sw });
  for (let i = members.length; i < desired; i++) actions.push({ type: "create" });

  const flips = planFlips<Target>({
    candidates: [machineCandidate(machine), ...members.map(switchCandidate)],
    now,
    settings: input.settings,
    lastFlipAt: lastFlipOf(machine, members, input.memory, now),
  });
  // The machine's flip drops its seen-at annotation in the same write; no separate clear.
  const machineFlipped = flips.actions.some((a) => a.type === "flip" && a.target.kind === "machine");
  actions.push(
    ...flips.actions.filter((a) => !(machineFlipped && a.type === "clearSeen" && a.target.kind === "machine")),
  );
  return {
    actions,
    members,
    lastFlipAt: flips.lastFlipAt,
    requeueAfterMs: flips.wakeAt === undefined ? undefined : Math.max(0, flips.wakeAt - now),
  };
}

/** The cache's switches corrected by what this process knows it just created and deleted. */
function withExpectations(switches: readonly Switch[], memory: MachineMemory | undefined): Switch[] {
  if (!memory) return [...switches];
  const deleted = new Set(memory.deleted);
  const seen = new Set(switches.map((sw) => sw.metadata?.name));
  return [
    ...switches.filter((sw) => !deleted.has(sw.metadata?.name ?? "")),
    ...memory.created.filter((sw) => !seen.has(sw.metadata?.name)),
  ];
}

function machineCandidate(machine: Machine): FlipCandidate<Target> {
  return {
    target: { kind: "machine" },
    name: "",
    up: (machine.spec.switchPosition ?? "down") !== "down",
    seenAt: parseTime(machine.metadata?.annotations?.[SEEN_AT_ANNOTATION]),
  };
}

function switchCandidate(sw: Switch): FlipCandidate<Target> {
  return {
    target: { kind: "switch", switch: sw },
    name: sw.metadata?.name ?? "",
    up: positionOf(sw) !== "down",
    seenAt: parseTime(sw.status?.seenAt),
  };
}

/**
 * The latest flip this machine is known to have made: from memory, or from the flipped-at
 * annotations it leaves on what it flips (which survive a restart). Never later than now, so a
 * clock that jumped back cannot stall a machine for longer than one interval.
 */
function lastFlipOf(
  machine: Machine,
  members: readonly Switch[],
  memory: MachineMemory | undefined,
  now: number,
): number | undefined {
  const times = [
    memory?.lastFlipAt,
    parseTime(machine.metadata?.annotations?.[FLIPPED_AT_ANNOTATION]),
    ...members.map((sw) => parseTime(sw.metadata?.annotations?.[FLIPPED_AT_ANNOTATION])),
  ].filter((time): time is number => time !== undefined);
  return times.length === 0 ? undefined : Math.min(now, Math.max(...times));
}
