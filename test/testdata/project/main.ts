/**
 * The useless operator: one manager that runs every controller of this project.
 *
 * `uselessctl create api` registers each new controller below, at the scaffold markers.
 */
import { parseArgs } from "node:util";
import { createManager } from "uselessctl";
import { MachineReconciler } from "./controllers/machine_controller.js";
import { SwitchReconciler } from "./controllers/switch_controller.js";
// +kubebuilder:scaffold:imports

const { values: flags } = parseArgs({
  options: {
    "leader-elect": { type: "boolean", default: false },
    "metrics-bind-address": { type: "string", default: "0" },
    "health-probe-bind-address": { type: "string", default: ":8081" },
  },
});

const mgr = createManager({
  // Leader election keeps a single active manager when several replicas run.
  leaderElection: flags["leader-elect"],
  leaderElectionId: "c3447a9f.container.training",
  metricsBindAddress: flags["metrics-bind-address"],
  healthProbeBindAddress: flags["health-probe-bind-address"],
});

new MachineReconciler({ client: mgr.getClient() }).setupWithManager(mgr);
new SwitchReconciler({ client: mgr.getClient() }).setupWithManager(mgr);
// +kubebuilder:scaffold:builder

const shutdown = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => shutdown.abort());
await mgr.start(shutdown.signal);
