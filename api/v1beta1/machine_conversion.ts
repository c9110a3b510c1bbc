/**
 * v1beta1 Machine is a spoke of the conversion whose hub is v1alpha1 (the stored version), as
 * kubebuilder's multi-version tutorial keeps `ConvertTo`/`ConvertFrom` beside the spoke's types.
 * The two versions hold the same facts under one different name (`spec.switches` in v1alpha1 is
 * `spec.switchCount` here), so a round trip loses nothing and needs no annotation to carry a
 * field that only one side has. Every other field is copied as it is, so a field added to both
 * versions later converts without a change here.
 */
import type { Spoke } from "uselessctl";
import * as v1alpha1 from "../v1alpha1/index.js";
import { Machine } from "./machine_types.js";

/** The hub (v1alpha1) Machine for a v1beta1 one. */
export function convertMachineToHub(machine: Machine): v1alpha1.Machine {
  const { switchCount, ...spec } = machine.spec ?? {};
  return {
    ...machine,
    apiVersion: v1alpha1.Machine.apiVersion,
    spec: { ...spec, ...(switchCount === undefined ? {} : { switches: switchCount }) },
  };
}

/** The v1beta1 Machine for a hub (v1alpha1) one. */
export function convertMachineFromHub(hub: v1alpha1.Machine): Machine {
  const { switches, ...spec } = hub.spec ?? {};
  return {
    ...hub,
    apiVersion: Machine.apiVersion,
    spec: { ...spec, ...(switches === undefined ? {} : { switchCount: switches }) },
  };
}

/** The v1beta1 spoke, for `webhookManagedBy(mgr).for(v1alpha1.Machine).withConversion([...])`. */
export const machineSpoke: Spoke<Machine, v1alpha1.Machine> = {
  kind: Machine,
  convertTo: convertMachineToHub,
  convertFrom: convertMachineFromHub,
};
