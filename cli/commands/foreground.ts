/**
 * What the commands that run in the foreground share (`cluster start`, `ui`): a port flag and a
 * wait for Ctrl-C.
 */
import { InvalidArgumentError } from "commander";

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`expected a TCP port number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/**
 * Resolves when the process receives SIGINT or SIGTERM. The listeners stay until `dispose()`, so
 * that the test environment's own safety net leaves the graceful stop to us meanwhile.
 */
export function interruption(): { signal: Promise<NodeJS.Signals>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const signal = new Promise<NodeJS.Signals>((resolveSignal) => (onSignal = resolveSignal));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/** Starts the resources UI on a kubeconfig file and says where it is. */
export async function startResourcesUi(kubeconfigPath: string | undefined, port: number) {
  const { startUiServer } = await import("uselessctl/ui");
  const { loadDefaultKubeConfig } = await import("uselessctl");
  const env = kubeconfigPath ? { ...process.env, KUBECONFIG: kubeconfigPath } : process.env;
  const ui = await startUiServer({ kubeConfig: loadDefaultKubeConfig({ env }), port });
  process.stdout.write(
    `Resources UI on 127.0.0.1:${ui.port}; open (the address lets you in, keep it to yourself):\n  ${ui.sessionUrl}\n`,
  );
  return ui;
}
