/**
 * The useless machine operator's entry point (kubebuilder's root `main.go`): reads its flags,
 * builds the manager, registers the controllers and runs until SIGINT or SIGTERM.
 *
 *   node --import tsx main.ts [--flip-delay 5s] [--flip-interval 5s] [--max-switches 10] [--leader-elect]
 *        [--metrics-bind-address 0] [--health-probe-bind-address 127.0.0.1:8081]
 *
 * The webhooks (webhooks/) are served on :9443 with the certificate in
 * <tmpdir>/k8s-webhook-server/serving-certs, unless ENABLE_WEBHOOKS=false.
 *
 * The cluster is the one the kubeconfig names (KUBECONFIG, ~/.kube/config, or in-cluster), as
 * `make run` expects. Exit codes: 0 after a clean shutdown, 2 for bad flags, 1 otherwise.
 */
import { parseArgs } from "node:util";
import { createManager } from "uselessctl";
import { formatDuration, resolveSettings } from "./controllers/settings.js";
import { MachineReconciler } from "./controllers/machine_controller.js";
import * as machineV1alpha1Webhook from "./webhooks/v1alpha1/machine_webhook.js";
import { DEFAULT_MAX_SWITCHES, MachineCustomValidator } from "./webhooks/v1alpha1/machine_webhook.js";
import * as switchV1alpha1Webhook from "./webhooks/v1alpha1/switch_webhook.js";
// +kubebuilder:scaffold:imports

const USAGE = `Usage: main.ts [flags]

  --flip-delay <duration>                how long a switch stays up before it is flipped down
                                         (default 5s, env USELESS_FLIP_DELAY; 0 = immediately)
  --flip-interval <duration>             least time between two flips of one machine
                                         (default 5s, env USELESS_FLIP_INTERVAL; 0 = no spacing)
  --max-concurrent-reconciles <n>        machines reconciled at once (default 1)
  --max-switches <n>                     the most switches a Machine may have; the webhook refuses more
                                         (default ${DEFAULT_MAX_SWITCHES})
  --webhook-bind-address <address>       where the webhooks are served (default :9443)
  --webhook-cert-dir <dir>               holds the webhooks' tls.crt and tls.key
                                         (default <tmpdir>/k8s-webhook-server/serving-certs)
  --leader-elect                         elect a leader so that only one replica reconciles
  --leader-election-namespace <ns>       where the leader's Lease lives (default: the pod's namespace,
                                         else default)
  --metrics-bind-address <address>       where /metrics is served (default 0: off)
  --health-probe-bind-address <address>  where /healthz and /readyz are served (default 127.0.0.1:8081;
                                         0: off; :8081 in a cluster)
  -h, --help                             print this help
`;

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      "flip-delay": { type: "string" },
      "flip-interval": { type: "string" },
      "max-concurrent-reconciles": { type: "string", default: "1" },
      "max-switches": { type: "string", default: String(DEFAULT_MAX_SWITCHES) },
      "webhook-bind-address": { type: "string", default: ":9443" },
      "webhook-cert-dir": { type: "string" },
      "leader-elect": { type: "boolean", default: false },
      "leader-election-namespace": { type: "string" },
      "metrics-bind-address": { type: "string", default: "0" },
      "health-probe-bind-address": { type: "string", default: "127.0.0.1:8081" },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
}

async function main(argv: string[]): Promise<number> {
  let flags: ReturnType<typeof parseFlags>;
  let settings: ReturnType<typeof resolveSettings>;
  try {
    flags = parseFlags(argv);
    settings = resolveSettings({
      flipDelay: flags["flip-delay"],
      flipInterval: flags["flip-interval"],
      env: process.env,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const maxConcurrentReconciles = Number(flags["max-concurrent-reconciles"]);
  if (!Number.isInteger(maxConcurrentReconciles) || maxConcurrentReconciles < 1) {
    process.stderr.write(
      `--max-concurrent-reconciles: expected a whole number >= 1 (got ${JSON.stringify(flags["max-concurrent-reconciles"])})\n\n${USAGE}`,
    );
    return 2;
  }
  const maxSwitches = Number(flags["max-switches"]);
  if (!Number.isInteger(maxSwitches) || maxSwitches < 1) {
    process.stderr.write(
      `--max-switches: expected a whole number >= 1 (got ${JSON.stringify(flags["max-switches"])})\n\n${USAGE}`,
    );
    return 2;
  }
  const webhookAddress = /^(.*):(\d+)$/.exec(flags["webhook-bind-address"]);
  if (!webhookAddress) {
    process.stderr.write(
      `--webhook-bind-address: expected host:port or :port (got ${JSON.stringify(flags["webhook-bind-address"])})\n\n${USAGE}`,
    );
    return 2;
  }
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const mgr = createManager({
    leaderElection: flags["leader-elect"],
    leaderElectionId: "machine.useless.container.training",
    // Outside a pod there is no service account namespace file to read the Lease's namespace from.
    ...(flags["leader-election-namespace"] ? { leaderElectionNamespace: flags["leader-election-namespace"] } : {}),
    metricsBindAddress: flags["metrics-bind-address"],
    healthProbeBindAddress: flags["health-probe-bind-address"],
    webhookServer: {
      ...(webhookAddress[1] ? { host: webhookAddress[1] } : {}),
      port: Number(webhookAddress[2]),
      ...(flags["webhook-cert-dir"] ? { certDir: flags["webhook-cert-dir"] } : {}),
    },
  });
  new MachineReconciler({ client: mgr.getClient(), settings, maxConcurrentReconciles }).setupWithManager(mgr);
  if (process.env["ENABLE_WEBHOOKS"] !== "false")
    machineV1alpha1Webhook.setupMachineWebhookWithManager(mgr, {
      validator: new MachineCustomValidator({ maxSwitches }),
    });
  if (process.env["ENABLE_WEBHOOKS"] !== "false") switchV1alpha1Webhook.setupSwitchWebhookWithManager(mgr);
  // +kubebuilder:scaffold:builder

  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  process.stdout.write(
    `useless machine operator: flip delay ${formatDuration(settings.flipDelayMs)}, ` +
      `flip interval ${formatDuration(settings.flipIntervalMs)}\n`,
  );
  await mgr.start(stop.signal);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `useless machine operator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
