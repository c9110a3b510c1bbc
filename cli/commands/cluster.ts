/**
 * `uselessctl cluster start`: an API server in the foreground for a person at a terminal, with a
 * kubeconfig to point kubectl at; Ctrl-C stops it and everything it started.
 */
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { interruption, parsePort, startResourcesUi } from "./foreground.js";

interface ClusterStartFlags {
  port: number;
  dataDir?: string;
  kubeconfig?: string;
  controlPlane: "embedded" | "binaries";
  crds: string[];
  ui?: boolean;
}

export function clusterCommand(): Command {
  const cluster = new Command("cluster").description("Run a local Kubernetes API server.");
  cluster
    .command("start")
    .description("Start an API server on 127.0.0.1 in the foreground and write a kubeconfig for it; Ctrl-C stops it.")
    .option("--port <port>", "port on 127.0.0.1 (0 picks a free one)", parsePort, 0)
    .option("--data-dir <dir>", "keep the server's data in this folder across restarts (memory/temporary otherwise)")
    .option("--kubeconfig <file>", "where to write the kubeconfig (mode 0600)", "./.uselessctl/kubeconfig")
    .addOption(
      new Option("--control-plane <kind>", "embedded (uselessctl's server) or binaries (real etcd + kube-apiserver)")
        .choices(["embedded", "binaries"])
        .default("embedded"),
    )
    .option("--crds <path...>", "CRD files or folders to install at start", [])
    .option("--ui", "also serve a live view of the custom resources in the browser (see `uselessctl ui`)")
    .action(async (flags: ClusterStartFlags) => {
      const { startTestEnv } = await import("uselessctl/testenv");
      const { mkdirSync } = await import("node:fs");
      const { dirname } = await import("node:path");
      const kubeconfigPath = resolve(flags.kubeconfig ?? "./.uselessctl/kubeconfig");
      mkdirSync(dirname(kubeconfigPath), { recursive: true });
      // Listen before starting, so that a Ctrl-C during start-up still stops what was started.
      const interrupted = interruption();
      try {
        const startedAt = Date.now();
        const env = await startTestEnv({
          controlPlane: flags.controlPlane,
          port: flags.port,
          useExistingCluster: false,
          kubeconfigPath,
          crdDirectoryPaths: flags.crds.map((path) => resolve(path)),
          ...(flags.dataDir ? { dataDir: resolve(flags.dataDir) } : {}),
        });
        process.stdout.write(
          `API server (${env.controlPlane}) ready at ${env.url} in ${Date.now() - startedAt} ms\n` +
            `kubeconfig: ${env.kubeconfigPath}\n` +
            `  export KUBECONFIG=${env.kubeconfigPath}\n  kubectl api-resources\n` +
            (flags.ui ? "" : `Press Ctrl-C to stop.\n`),
        );
        const ui = flags.ui ? await startResourcesUi(env.kubeconfigPath, 0) : undefined;
        if (ui) process.stdout.write(`Press Ctrl-C to stop.\n`);
        const signal = await interrupted.signal;
        process.stdout.write(`${signal}: stopping\n`);
        await ui?.close();
        await env.stop();
      } finally {
        interrupted.dispose();
      }
    });
  return cluster;
}
