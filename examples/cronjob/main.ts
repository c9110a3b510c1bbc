/**
 * The cronjob operator: one manager that runs every controller of this project.
 *
 * `uselessctl create api` registers each new controller below, at the scaffold markers.
 */
import { parseArgs } from "node:util";
import { createManager } from "uselessctl";
import { CronJobReconciler } from "./controllers/cronjob_controller.js";
// +kubebuilder:scaffold:imports

const USAGE = `Usage: node dist/main.js [flags]

  --leader-elect                         elect a leader so that only one replica reconciles
  --metrics-bind-address <address>       where /metrics is served (default 0: off)
  --health-probe-bind-address <address>  where /healthz and /readyz are served (default :8081; 0: off)
  -h, --help                             print this help
`;

function parseFlags() {
  return parseArgs({
    options: {
      "leader-elect": { type: "boolean", default: false },
      "metrics-bind-address": { type: "string", default: "0" },
      "health-probe-bind-address": { type: "string", default: ":8081" },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
}

let flags: ReturnType<typeof parseFlags>;
try {
  flags = parseFlags();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (flags.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const mgr = createManager({
  // Leader election keeps a single active manager when several replicas run.
  leaderElection: flags["leader-elect"],
  leaderElectionId: "c9df1ea4.tutorial.kubebuilder.io",
  metricsBindAddress: flags["metrics-bind-address"],
  healthProbeBindAddress: flags["health-probe-bind-address"],
});

new CronJobReconciler({ client: mgr.getClient() }).setupWithManager(mgr);
// +kubebuilder:scaffold:builder

const shutdown = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => shutdown.abort());
await mgr.start(shutdown.signal);
