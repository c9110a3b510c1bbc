/**
 * `uselessctl cluster start` in a child process, from this checkout's sources: the one way tests
 * run the local API server as users do (`npm run apiserver` and `npm start` run the same command).
 */
import { spawn, type ChildProcess } from "node:child_process";

const cliMain = new URL("../../cli/main.ts", import.meta.url).pathname;

/** A started `cluster start` process and what it printed so far. */
export interface ClusterProcess {
  readonly child: ChildProcess;
  output(): string;
}

/**
 * Starts `uselessctl cluster start <args>` and resolves once it printed its kubeconfig path.
 * Errors: rejects with the process's output when it exits first or is not ready within `timeoutMs`.
 */
export async function startClusterProcess(args: readonly string[], timeoutMs = 30_000): Promise<ClusterProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=uselessctl-source", "--import", "tsx", cliMain, "cluster", "start", ...args],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`cluster start was not ready in ${timeoutMs} ms: ${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("kubeconfig:")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`cluster start exited with ${code}: ${output}`));
    });
  });
  return { child, output: () => output };
}
