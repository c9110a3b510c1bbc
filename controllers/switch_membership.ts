/**
 * Which switches belong to a machine. Membership follows the `machine` label:
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
import { MACHINE_LABEL, controllerOf, isMachineReference, type MachineView, type SwitchView } from "./objects.js";

/** The switches of one namespace sorted by what the machine must do with them. */
export interface Membership {
  /** Switches that stay members as they are. */
  members: SwitchView[];
  /** Switches labelled for the machine that it must take the controller reference of. */
  adopt: SwitchView[];
  /** Switches the machine controls that no longer carry its label. */
  release: SwitchView[];
}

/**
 * Sorts the namespace's switches into members, adoptions and releases for `machine`.
 * `switches` may hold any switches of the namespace; unrelated ones are skipped.
 */
export function classifySwitches(machine: MachineView, switches: readonly SwitchView[]): Membership {
  const name = machine.metadata?.name;
  const uid = machine.metadata?.uid;
  const membership: Membership = { members: [], adopt: [], release: [] };
  for (const sw of switches) {
    if (sw.metadata?.deletionTimestamp) continue;
    const owner = controllerOf(sw.metadata);
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

/**
 * The machine a switch's label names, as a reconcile request; the map function of the Switch
 * watch, so a labelled (or relabelled) switch wakes the machine it now belongs to.
 */
export function machineRequestForSwitch(sw: SwitchView): { namespace: string; name: string }[] {
  const machine = sw.metadata?.labels?.[MACHINE_LABEL];
  const namespace = sw.metadata?.namespace;
  if (!machine || !namespace) return [];
  return [{ namespace, name: machine }];
}
