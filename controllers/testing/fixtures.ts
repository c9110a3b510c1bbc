/**
 * Literal Machines and Switches for the controller's unit tests, built the way the API server
 * would return them.
 */
import type { OwnerReference } from "uselessctl";
import { MACHINE_LABEL, Machine, Switch, type SwitchPosition } from "../../api/v1alpha1/index.js";
import { FLIPPED_AT_ANNOTATION, formatTime } from "../marks.js";

/** Epoch of the tests' injected clock: all times are offsets from it. */
export const T0 = Date.parse("2026-01-01T00:00:00Z");

/** Seconds after {@link T0}, in milliseconds. */
export function at(seconds: number): number {
  return T0 + seconds * 1000;
}

export interface MachineFixture {
  name?: string;
  uid?: string;
  switches?: number;
  switchPosition?: SwitchPosition;
  generation?: number;
  annotations?: Record<string, string>;
  deleting?: boolean;
}

export function machine(options: MachineFixture = {}): Machine {
  const name = options.name ?? "m";
  return {
    apiVersion: Machine.apiVersion,
    kind: Machine.kind,
    metadata: {
      name,
      namespace: "ns",
      uid: options.uid ?? `uid-${name}`,
      generation: options.generation ?? 1,
      ...(options.annotations ? { annotations: options.annotations } : {}),
      ...(options.deleting ? { deletionTimestamp: formatTime(T0), finalizers: ["foregroundDeletion"] } : {}),
    },
    spec: {
      switches: options.switches ?? 3,
      ...(options.switchPosition ? { switchPosition: options.switchPosition } : {}),
    },
  };
}

export function ownerRef(owner: Machine): OwnerReference {
  return {
    apiVersion: Machine.apiVersion,
    kind: Machine.kind,
    name: owner.metadata?.name ?? "",
    uid: owner.metadata?.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface SwitchFixture {
  /** The machine whose label it carries, or null for none; defaults to the owner. */
  label?: string | null;
  owner?: Machine | OwnerReference | null;
  position?: SwitchPosition;
  seenAt?: number;
  flippedAt?: number;
  createdAt?: number;
  deleting?: boolean;
}

export function sw(name: string, options: SwitchFixture = {}): Switch {
  const owner = options.owner === undefined ? machine() : options.owner;
  const ref = owner === null ? undefined : "uid" in owner ? owner : ownerRef(owner);
  const label = options.label === undefined ? ref?.name : options.label;
  return {
    apiVersion: Switch.apiVersion,
    kind: Switch.kind,
    metadata: {
      name,
      namespace: "ns",
      uid: `uid-${name}`,
      creationTimestamp: formatTime(options.createdAt ?? T0),
      ...(label ? { labels: { [MACHINE_LABEL]: label } } : {}),
      ...(ref ? { ownerReferences: [ref] } : {}),
      ...(options.flippedAt === undefined
        ? {}
        : { annotations: { [FLIPPED_AT_ANNOTATION]: formatTime(options.flippedAt) } }),
      ...(options.deleting ? { deletionTimestamp: formatTime(T0), finalizers: ["foregroundDeletion"] } : {}),
    },
    spec: { position: options.position ?? "down" },
    ...(options.seenAt === undefined ? {} : { status: { seenAt: formatTime(options.seenAt) } }),
  };
}
