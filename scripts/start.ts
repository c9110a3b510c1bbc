/**
 * `npm start`: the useless machine, running locally in one command.
 *
 * Starts the local API server with its data under `.uselessctl/` (or `USELESS_DATA_DIR`),
 * installs the CRDs (the Machine converting between v1alpha1 and v1beta1 through the operator)
 * and the webhook configurations (config/webhook), both pointing at the operator with a
 * certificate made for this run (as envtest does), starts the operator serving them, creates
 * the samples the first time, and prints the
 * kubeconfig and the kubectl commands to try. Ctrl-C stops the operator, then the server; the
 * next start finds everything where it was.
 *
 * Flags after `--` go to the operator (`npm start -- --flip-delay 2s`); so do the
 * `USELESS_FLIP_DELAY` / `USELESS_FLIP_INTERVAL` variables.
 *
 * It also serves the board (board/, on uselessctl's UI server): the machines live in the
 * browser, on 127.0.0.1 and `USELESS_UI_PORT` (a free port by default), printed with the hints.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KubeConfig } from "@kubernetes/client-node";
import { installCrds, installWebhooks, prepareWebhooks } from "uselessctl/testenv";
import { startUiServer, type UiServer } from "uselessctl/ui";
import { boardPort, boardSettings } from "./start/board_settings.js";
import { createSamples } from "./start/manifests.js";
import { whenParentExits } from "./start/parent_watch.js";
import { startApiServer, startOperator, untilListening, type Child } from "./start/processes.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dataDir = resolve(ROOT, process.env.USELESS_DATA_DIR ?? ".uselessctl");
const kubeconfigPath = join(dataDir, "kubeconfig");
const logPath = join(dataDir, "apiserver.log");
/** The kinds the operator converts at `/convert` (v1alpha1 Machine, the hub of v1beta1). */
const CONVERTIBLE_KINDS = [{ group: "useless.container.training", kind: "Machine" }];
/** Written once the samples went in, so a machine the user deleted is not brought back. */
const samplesMarker = join(dataDir, "samples-created");
const bold = (text: string): string => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${text}\x1b[0m` : text);

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

function banner(board: UiServer): string {
  const shown = relative(process.cwd(), kubeconfigPath) || kubeconfigPath;
  return [
    "",
    bold("The useless machine is running."),
    `  kubeconfig: ${kubeconfigPath}`,
    "",
    `Watch it in the browser (port ${board.port}; the address lets you in, keep it to yourself):`,
    `  ${board.sessionUrl}`,
    "",
    "Try, in another terminal:",
    `  export KUBECONFIG=${shown.startsWith("..") ? kubeconfigPath : shown}`,
    "  kubectl get machines,switches",
    "  kubectl get machines.v1beta1.useless.container.training -o yaml   # served through the conversion webhook",
    `  kubectl patch $(kubectl get switches -l machine=machine-sample -o name | head -n 1) --type=merge -p '{"spec":{"position":"up"}}'`,
    "  kubectl get switches -w        # watch it come back down",
    `  kubectl patch machine machine-sample --type=merge -p '{"spec":{"switchCount":20}}'   # refused by the webhook`,
    "",
    "Ctrl-C stops everything; the next `npm start` finds the machines where they were.",
    "",
  ].join("\n");
}

async function main(): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const children: Child[] = [];
  let board: UiServer | undefined;
  let stopping: Promise<void> | undefined;
  // The board, then the operator, the API server last (children are in reverse start order).
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      await board?.close();
      for (const child of [...children].reverse()) await child.stop();
    })());
  const stopOn = (cause: string): void => {
    say(`\n${cause}: stopping the operator, then the API server...`);
    void stopAll();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => stopOn(signal === "SIGINT" ? "Ctrl-C" : signal));
  }
  // Under npm, this run lives as long as npm does: a killed npm must not leave it behind.
  if (process.env["npm_lifecycle_event"] === "start") whenParentExits(() => stopOn("npm exited"));

  try {
    say(`Starting the local API server (data in ${relative(ROOT, dataDir) || dataDir}/, log in ${logPath})...`);
    children.push(await startApiServer({ root: ROOT, dataDir: join(dataDir, "data"), kubeconfigPath, logPath }));
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfigPath);
    // The operator serves the webhooks and the Machine's conversion: the API server calls it with
    // a certificate made for this run (as envtest does), for config/webhook's configurations and
    // for the CRD's conversion (config/crd/patches/webhook_in_machines.yaml in a cluster).
    const webhooks = await prepareWebhooks({ paths: [join(ROOT, "config/webhook")] }, join(dataDir, "webhook-certs"));
    const { localServingHost, localServingPort, localServingCertDir } = webhooks.serving;
    // As sent, not through client-node's models, which drop enum, default and x-kubernetes-* (#13).
    const crds = await installCrds(kubeConfig, {
      paths: [join(ROOT, "config/crd/bases")],
      maxTimeMs: 30_000,
      conversionWebhook: webhooks.serving,
      convertibleKinds: CONVERTIBLE_KINDS,
    });
    say(`Installed CRDs: ${crds.map((crd) => crd.metadata?.name).join(", ")}`);
    await installWebhooks(kubeConfig, webhooks);
    say(`Installed webhooks: served by the operator on https://${localServingHost}:${localServingPort}`);
    if (stopping) return 0;
    const operator = startOperator(ROOT, kubeconfigPath, [
      "--health-probe-bind-address=0",
      `--webhook-bind-address=${localServingHost}:${localServingPort}`,
      `--webhook-cert-dir=${localServingCertDir}`,
      ...process.argv.slice(2),
    ]);
    children.push(operator);
    // The samples go through the webhooks (validation; the v1beta1 one through the conversion).
    await untilListening(operator, localServingHost, localServingPort);
    if (!existsSync(samplesMarker)) {
      const samples = await createSamples(kubeconfigPath, join(ROOT, "config/samples"));
      writeFileSync(samplesMarker, `${new Date().toISOString()}\n`);
      say(
        `Created samples: ${samples.created.join(", ") || "none"}${samples.kept.length ? ` (already there: ${samples.kept.join(", ")})` : ""}`,
      );
    } else {
      say("Samples were created on an earlier start; the machines are as you left them.");
    }
    board = await startUiServer({
      kubeConfig,
      port: boardPort(process.env),
      apps: [{ mount: "/board/", dir: join(ROOT, "board"), title: "Machines" }],
      landing: "/board/",
      settings: boardSettings(process.argv.slice(2), process.env),
    });
    say(banner(board));
    const operatorCode = await operator.exited;
    const interrupted = stopping !== undefined;
    if (!interrupted) say(`The operator exited (code ${operatorCode}); stopping the API server.`);
    await stopAll();
    return interrupted ? 0 : (operatorCode ?? 1);
  } catch (error) {
    process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll();
    return 1;
  }
}

process.exitCode = await main();
