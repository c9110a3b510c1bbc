/**
 * Which switches belong to a machine, and in what order they are counted. Membership follows the
 * `machine` label:
 *
 * - labelled with the machine's name and controlled by it: a member;
 * - labelled with its name and controlled by nothing: adopted (controller reference added);
 * - labelled with its name and controlled by another Machine: moved here (the other machine's
 *   controller reference is replaced by this one's), so relabelling moves a switch;
 * - controlled by this machine but labelled otherwise (label removed, or naming another or an
 *   unknown machine): released (this machine's owner reference removed). A machine the label
 *   names adopts it from its side; otherwise it stays, unowned, and this machine replaces it;
 * - labelled with its name but controlled by something that is not a Machine, or by an older
 *   machine of the same name (uid differs) that the garbage collector is about to clean up: left
 *   alone and not counted;
 * - being deleted: ignored.
 */
import { getControllerOf, type OwnerReference, type Request } from "uselessctl";
import { GroupVersion, MACHINE_LABEL, Machine, type Switch, type SwitchPosition } from "../api/v1alpha1/index.js";
import { parseTime } from "./marks.js";

/** The switches of one namespace sorted by what the machine must do with them. */
export interface Membership {
  /** Switches that stay members as they are. */
  members: Switch[];
  /** Switches labelled for the machine that it must take the controller reference of. */
  adopt: Switch[];
  /** Switches the machine controls that no longer carry its label. */
  release: Switch[];
}

/**
 * Sorts the namespace's switches into members, adoptions and releases for `machine`.
 * `switches` may hold any switches of the namespace; unrelated ones are skipped.
 */
export function classifySwitches(machine: Machine, switches: readonly Switch[]): Membership {
  const name = machine.metadata?.name;
  const uid = machine.metadata?.uid;
  const membership: Membership = { members: [], adopt: [], release: [] };
  for (const sw of switches) {
    if (sw.metadata?.deletionTimestamp) continue;
    const owner = getControllerOf(sw);
    const ownedHere = owner !== undefined && owner.uid === uid;
    const labelledHere = sw.metadata?.labels?.[MACHINE_LABEL] === name;
    if (labelledHere && ownedHere) membership.members.push(sw);
    else if (labelledHere && owner === undefined) membership.adopt.push(sw);
    else if (labelledHere && owner !== undefined && isMachineReference(owner) && owner.name !== name) {
      membership.adopt.push(sw);
    } else if (!labelledHere && ownedHere) membership.release.push(sw);
  }
  return membership;
}

/** Whether an owner reference points at a Machine of this API group (any version). */
export function isMachineReference(ref: OwnerReference): boolean {
  return ref.kind === Machine.kind && ref.apiVersion.startsWith(`${GroupVersion.group}/`);
}

/**
 * The machine a switch's label names, as a reconcile request; the map function of the Switch
 * watch, so a labelled (or relabelled) switch wakes the machine it now belongs to.
 */
export function machineRequestForSwitch(sw: Switch): Request[] {
  const machine = sw.metadata?.labels?.[MACHINE_LABEL];
  const namespace = sw.metadata?.namespace;
  if (!machine || !namespace) return [];
  return [{ namespace, name: machine }];
}

/** A switch's position; the CRD defaults it to down, so absent means down. */
export function positionOf(sw: Switch): SwitchPosition {
  return sw.spec.position ?? "down";
}

/** Orders switches by name, the order of `status.positions`. */
export function byName(a: Switch, b: Switch): number {
  const left = a.metadata?.name ?? "";
  const right = b.metadata?.name ?? "";
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Orders switches oldest first (creationTimestamp, then name), so the newest come last. */
export function byAge(a: Switch, b: Switch): number {
  const left = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const right = parseTime(b.metadata?.creationTimestamp) ?? 0;
  return left - right || byName(a, b);
}
