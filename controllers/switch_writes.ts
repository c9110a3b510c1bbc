/**
 * The objects the machine controller writes, as pure transforms: each takes the object as last
 * read and returns the copy to send, leaving the input untouched (it may be the cache's).
 */
import { getControllerOf, removeOwnerReference, setControllerReference, type ObjectMeta } from "uselessctl";
import { MACHINE_LABEL, Switch, type Machine } from "../api/v1alpha1/index.js";
import { FLIPPED_AT_ANNOTATION, SEEN_AT_ANNOTATION, formatTime } from "./marks.js";

/** A new switch for `machine`: generated name, the machine label, its controller reference, down. */
export function newSwitch(machine: Machine): Switch {
  const sw: Switch = {
    apiVersion: Switch.apiVersion,
    kind: Switch.kind,
    metadata: {
      generateName: "switch-",
      namespace: machine.metadata?.namespace ?? "",
      labels: { [MACHINE_LABEL]: machine.metadata?.name ?? "" },
    },
    spec: { position: "down" },
  };
  setControllerReference(machine, sw);
  return sw;
}

/**
 * The switch with `machine` as its controller. A switch relabelled away from another Machine
 * still names that machine as its controller: that reference goes, so the switch moves here.
 */
export function adoptedBy(sw: Switch, machine: Machine): Switch {
  const adopted = structuredClone(sw);
  const previous = getControllerOf(adopted);
  if (previous && adopted.metadata) {
    adopted.metadata.ownerReferences = adopted.metadata.ownerReferences?.filter((ref) => ref !== previous);
  }
  setControllerReference(machine, adopted);
  return adopted;
}

/** The switch without its owner reference to `machine`. */
export function releasedFrom(sw: Switch, machine: Machine): Switch {
  const released = structuredClone(sw);
  removeOwnerReference(machine, released);
  return released;
}

/** The switch flipped down, stamped with when (for the machine's spacing across restarts). */
export function switchFlippedDown(sw: Switch, at: number): Switch {
  return {
    ...sw,
    metadata: withAnnotations(sw.metadata, { [FLIPPED_AT_ANNOTATION]: formatTime(at) }),
    spec: { ...sw.spec, position: "down" },
  };
}

/** The switch's status with `seenAt` set, for a status subresource write. */
export function switchSeen(sw: Switch, at: number): Switch {
  return { ...sw, status: { ...sw.status, seenAt: formatTime(at) } };
}

/** The switch's status without `seenAt`, for a status subresource write. */
export function switchUnseen(sw: Switch): Switch {
  const { seenAt: _cleared, ...status } = sw.status ?? {};
  return { ...sw, status };
}

/** The machine with its own switch flipped down, stamped, and its seen mark gone: one write. */
export function machineFlippedDown(machine: Machine, at: number): Machine {
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
export function machineSeen(machine: Machine, at: number): Machine {
  return { ...machine, metadata: withAnnotations(machine.metadata, { [SEEN_AT_ANNOTATION]: formatTime(at) }) };
}

/** The machine without its seen mark. */
export function machineUnseen(machine: Machine): Machine {
  return { ...machine, metadata: withAnnotations(machine.metadata, { [SEEN_AT_ANNOTATION]: undefined }) };
}

/** Metadata with annotations set (a string) or removed (undefined). */
function withAnnotations(meta: ObjectMeta | undefined, changes: Record<string, string | undefined>): ObjectMeta {
  const annotations = new Map(Object.entries(meta?.annotations ?? {}));
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) annotations.delete(key);
    else annotations.set(key, value);
  }
  return { ...meta, annotations: Object.fromEntries(annotations) };
}
