/**
 * The objects the machine controller writes, as pure transforms: each takes the object as last
 * read and returns the copy to send, leaving the input untouched (it may be the cache's).
 */
import {
  API_VERSION,
  FLIPPED_AT_ANNOTATION,
  MACHINE_LABEL,
  SEEN_AT_ANNOTATION,
  formatTime,
  isMachineReference,
  type MachineView,
  type MetaView,
  type OwnerReferenceView,
  type SwitchView,
} from "./objects.js";

/** The controller owner reference a machine puts on its switches. */
export function controllerReferenceTo(machine: MachineView): OwnerReferenceView {
  return {
    apiVersion: API_VERSION,
    kind: "Machine",
    name: machine.metadata?.name ?? "",
    uid: machine.metadata?.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** A new switch for `machine`: generated name, the machine label, its controller reference, down. */
export function newSwitch(machine: MachineView): SwitchView & { apiVersion: string; kind: string } {
  const name = machine.metadata?.name ?? "";
  return {
    apiVersion: API_VERSION,
    kind: "Switch",
    metadata: {
      generateName: "switch-",
      namespace: machine.metadata?.namespace ?? "",
      labels: { [MACHINE_LABEL]: name },
      ownerReferences: [controllerReferenceTo(machine)],
    },
    spec: { position: "down" },
  };
}

/** The switch with `machine` as its controller, replacing any other Machine's controller reference. */
export function adoptedBy(sw: SwitchView, machine: MachineView): SwitchView {
  const others = (sw.metadata?.ownerReferences ?? []).filter((ref) => !(ref.controller && isMachineReference(ref)));
  return { ...sw, metadata: { ...sw.metadata, ownerReferences: [...others, controllerReferenceTo(machine)] } };
}

/** The switch without any owner reference to `machine`. */
export function releasedFrom(sw: SwitchView, machine: MachineView): SwitchView {
  const uid = machine.metadata?.uid;
  const kept = (sw.metadata?.ownerReferences ?? []).filter((ref) => ref.uid !== uid);
  const { ownerReferences: _dropped, ...rest } = sw.metadata ?? {};
  return { ...sw, metadata: kept.length > 0 ? { ...rest, ownerReferences: kept } : rest };
}

/** The switch flipped down, stamped with when (for the machine's spacing across restarts). */
export function switchFlippedDown(sw: SwitchView, at: number): SwitchView {
  return {
    ...sw,
    metadata: withAnnotations(sw.metadata, { [FLIPPED_AT_ANNOTATION]: formatTime(at) }),
    spec: { ...sw.spec, position: "down" },
  };
}

/** The switch's status with `seenAt` set, for a status subresource write. */
export function switchSeen(sw: SwitchView, at: number): SwitchView {
  return { ...sw, status: { ...sw.status, seenAt: formatTime(at) } };
}

/** The switch's status without `seenAt`, for a status subresource write. */
export function switchUnseen(sw: SwitchView): SwitchView {
  const { seenAt: _cleared, ...status } = sw.status ?? {};
  return { ...sw, status };
}

/** The machine with its own switch flipped down, stamped, and its seen mark gone: one write. */
export function machineFlippedDown<M extends MachineView>(machine: M, at: number): M {
  return {
    ...machine,
    metadata: withAnnotations(machine.metadata, {
      [FLIPPED_AT_ANNOTATION]: formatTime(at),
      [SEEN_AT_ANNOTATION]: undefined,
    }),
    spec: { ...machine.spec, switchPosition: "down" },
  };
}

/** The machine marked as having its own switch seen up at `at`. */
export function machineSeen<M extends MachineView>(machine: M, at: number): M {
  return { ...machine, metadata: withAnnotations(machine.metadata, { [SEEN_AT_ANNOTATION]: formatTime(at) }) };
}

/** The machine without its seen mark. */
export function machineUnseen<M extends MachineView>(machine: M): M {
  return { ...machine, metadata: withAnnotations(machine.metadata, { [SEEN_AT_ANNOTATION]: undefined }) };
}

/** Metadata with annotations set (a string) or removed (undefined). */
function withAnnotations(meta: MetaView | undefined, changes: Record<string, string | undefined>): MetaView {
  const annotations: Record<string, string> = { ...meta?.annotations };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete annotations[key];
    else annotations[key] = value;
  }
  return { ...meta, annotations };
}
