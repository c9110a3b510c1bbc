/**
 * The useless machine's controllers.
 *
 * A Machine owns `spec.switches` Switches; whenever a switch (or the machine's own
 * `spec.switchPosition`) is up, the controller flips it back down after `flipDelay`, never more
 * than one per machine every `flipInterval`. Entry point: {@link setupMachineController}, called
 * from `main.ts`. The rules are pure functions (`machine_plan.ts`, `flip_plan.ts`,
 * `switch_membership.ts`, `machine_status.ts`) that the reconciler (`machine_reconciler.ts`)
 * only executes; the operator's timing comes from `settings.ts`.
 *
 * Not here: the types (`api/v1alpha1/`), the runtime (`uselessctl`).
 */
export { setupMachineController, storeFromClient, type MachineControllerOptions } from "./machine_controller.js";
export { MachineReconciler, type MachineReconcilerOptions, type MachineStore } from "./machine_reconciler.js";
export {
  DEFAULT_SETTINGS,
  InvalidSettingError,
  SETTINGS_ENV,
  formatDuration,
  parseDuration,
  resolveSettings,
  type OperatorSettings,
} from "./settings.js";
