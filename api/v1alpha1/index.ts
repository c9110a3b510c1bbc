/**
 * The useless machine's API, version v1alpha1 of group `useless.container.training`: a `Machine`
 * owns `spec.switches` `Switch` objects, and the operator in `controllers/` flips every switch that
 * is up back down. These types are the source of `config/crd/bases/` (`make manifests`).
 */
export { GroupVersion } from "./groupversion_info.js";
export { Machine, type MachineList, type MachineSpec, type MachineStatus } from "./machine_types.js";
export {
  MACHINE_LABEL,
  Switch,
  type SwitchList,
  type SwitchPosition,
  type SwitchSpec,
  type SwitchStatus,
} from "./switch_types.js";
