/**
 * `npm start` as a child process (scripts/start.ts: the API server, the operator and the board),
 * on a fresh data folder, for the browser test and bench:board. The caller stops it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eventually } from "./eventually.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A running `npm start`. */
export interface StartedMachine {
  /** The board's address with its per-start secret, as the banner printed it. */
  boardUrl: string;
  kubeconfigPath: string;
  output(): string;
  /** Ctrl-C, then removes the data folder. */
  stop(): Promise<void>;
}

/** Starts `npm start` with the operator's timing in `env` and resolves once the banner is out. */
export async function startUselessMachine(env: Record<string, string> = {}): Promise<StartedMachine> {
  const dataDir = mkdtempSync(join(tmpdir(), "uselessctl-board-"));
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=uselessctl-source", "--import", "tsx", "scripts/start.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, USELESS_DATA_DIR: dataDir, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const boardUrl = await eventually(
      "npm start's banner with the board's address",
      () => {
        if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
        return /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?session=\S+)$/m.exec(output)?.[1];
      },
      120_000,
    );
    return { boardUrl, kubeconfigPath: join(dataDir, "kubeconfig"), output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
