/**
 * The standalone local API server: `node apiserver/main.ts [--port N] [--data-dir DIR] [--token T]
 * [--kubeconfig FILE]`. Writes a kubeconfig (mode 0600), prints how to use kubectl with it, and
 * stops cleanly on SIGINT/SIGTERM.
 */
import { writeFileSync, mkdirSync, chmodSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedApiServer } from "./embedded/index.js";

function kubeconfigYaml(server: { url: string; caCertificatePem: string; token: string }): string {
  const ca = Buffer.from(server.caCertificatePem).toString("base64");
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: uselessctl",
    "  cluster:",
    `    server: ${server.url}`,
    `    certificate-authority-data: ${ca}`,
    "users:",
    "- name: uselessctl-admin",
    "  user:",
    `    token: ${server.token}`,
    "contexts:",
    "- name: uselessctl",
    "  context:",
    "    cluster: uselessctl",
    "    user: uselessctl-admin",
    "    namespace: default",
    "current-context: uselessctl",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      "data-dir": { type: "string" },
      token: { type: "string" },
      kubeconfig: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write("usage: apiserver/main.ts [--port N] [--data-dir DIR] [--token TOKEN] [--kubeconfig FILE]\n");
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: expected a port number 0-65535, got ${values.port}`);
  const dataDir = values["data-dir"] ? resolve(values["data-dir"]) : undefined;
  const server = await startEmbeddedApiServer({ port, dataDir, token: values.token });
  const kubeconfigPath = resolve(values.kubeconfig ?? (dataDir ? `${dataDir}/kubeconfig` : ".uselessctl/kubeconfig"));
  mkdirSync(dirname(kubeconfigPath), { recursive: true });
  writeFileSync(kubeconfigPath, kubeconfigYaml(server), { mode: 0o600 });
  chmodSync(kubeconfigPath, 0o600);
  process.stdout.write(
    `API server listening on ${server.url}${dataDir ? ` (data in ${dataDir})` : " (in memory)"}\n` +
      `kubeconfig: ${kubeconfigPath}\n` +
      `  export KUBECONFIG=${kubeconfigPath}\n  kubectl get namespaces\n`,
  );
  const stop = (): void => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`apiserver: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
