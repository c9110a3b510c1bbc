/**
 * The useless.container.training/v1beta1 API: its GroupVersion, every kind of this version and
 * their conversions to and from the hub, v1alpha1.
 */
export { GroupVersion } from "./groupversion_info.js";
export { Machine, type MachineList, type MachineSpec, type MachineStatus } from "./machine_types.js";
export { convertMachineFromHub, convertMachineToHub, machineSpoke } from "./machine_conversion.js";
// +kubebuilder:scaffold:exports
