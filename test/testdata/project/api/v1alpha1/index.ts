/** The useless.container.training/v1alpha1 API: its GroupVersion and every kind of this version. */
export { GroupVersion } from "./groupversion_info.js";
export { Machine, type MachineList, type MachineSpec, type MachineStatus } from "./machine_types.js";
export { Switch, type SwitchList, type SwitchSpec, type SwitchStatus } from "./switch_types.js";
// +kubebuilder:scaffold:exports
