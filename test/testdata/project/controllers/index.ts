/** Every controller of this project; main.ts registers each one with the manager. */
export { MachineReconciler } from "./machine_controller.js";
export { SwitchReconciler } from "./switch_controller.js";
// +kubebuilder:scaffold:exports
