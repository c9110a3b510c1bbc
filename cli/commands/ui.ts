/**
 * `uselessctl ui`: a live view of the cluster's custom resources in the browser (each kind's
 * printer columns as a table, an object's YAML on click), for a user's operator during `make run`.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import { interruption, parsePort, startResourcesUi } from "./foreground.js";

interface UiFlags {
  port: number;
  kubeconfig?: string;
}

export function uiCommand(): Command {
  return new Command("ui")
    .description(
      "Serve a live view of the cluster's custom resources on 127.0.0.1 (through the kubeconfig's credentials); Ctrl-C stops it.",
    )
    .option("--port <port>", "port on 127.0.0.1 (0 picks a free one)", parsePort, 0)
    .option("--kubeconfig <file>", "the cluster to show (default: KUBECONFIG, then ~/.kube/config)")
    .action(async (flags: UiFlags) => {
      const interrupted = interruption();
      try {
        const ui = await startResourcesUi(flags.kubeconfig ? resolve(flags.kubeconfig) : undefined, flags.port);
        process.stdout.write("Press Ctrl-C to stop.\n");
        const signal = await interrupted.signal;
        process.stdout.write(`${signal}: stopping\n`);
        await ui.close();
      } finally {
        interrupted.dispose();
      }
    });
}
