/**
 * The manager: {@link createManager} builds the shared cache and client, runs controllers and
 * other runnables, serves `/metrics`, `/healthz` and `/readyz`, elects a leader and shuts down
 * gracefully. {@link setupSignalHandler} turns SIGTERM/SIGINT into the AbortSignal `start` takes.
 */
export { createManager } from "./manager.js";
export { setupSignalHandler } from "./signals.js";
export {
  DEFAULT_MANAGER_OPTIONS,
  type Manager,
  type ManagerOptions,
  type Runnable,
  type ControllerDefaults,
} from "./options.js";
