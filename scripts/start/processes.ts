/**
 * The two processes `npm start` runs: the local API server (`uselessctl cluster start`) and the
 * operator (`main.ts`). Each runs in its own process group, so a Ctrl-C reaches only `npm start`,
 * which then stops the operator first and the API server last: the operator never sees its
 * server vanish under it. Each also stops by itself when `npm start` dies without stopping it
 * (`kill -9`, a crash): every child is started by {@link spawnChild}, with an IPC channel and
 * exit_with_parent.mjs preloaded.
 */
import { spawn, type ChildProcess, type StdioNull, type StdioPipe } from "node:child_process";
import { existsSync, openSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The node flags the compiled operator runs with on every path (`npm start`, `make run`, the
 * image's ENTRYPOINT, the scaffold's, bench:operator). `--optimize-for-size` keeps V8's young
 * generation at its initial 1 MiB instead of letting a burst of watch events grow it to 2 x 16
 * MiB, and grows the old generation more slowly: at bench:operator's 1,000 x 3 the peak RSS falls
 * from 116-132 to 83-85 MiB, for about 18% more CPU time (more frequent short collections, less
 * eager optimisation). README's "The useless machine" section has the figures.
 */
export const OPERATOR_NODE_FLAGS: readonly string[] = ["--optimize-for-size"];
/** The node arguments that run a TypeScript entry point of this repository from source. */
const FROM_SOURCE = ["--conditions=uselessctl-source", "--import", "tsx"];
/** Preloaded into every child: it stops when this process is gone. */
const EXIT_WITH_PARENT = ["--import", new URL("./exit_with_parent.mjs", import.meta.url).href];

type StdioTarget = StdioNull | StdioPipe | number;

/** How a child is started: where, with what environment, and where its output goes. */
interface ChildOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdio: [StdioNull, StdioTarget, StdioTarget];
}

/** A child process that can be stopped and awaited. */
export class Child {
  readonly name: string;
  readonly #process: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(name: string, process: ChildProcess) {
    this.name = name;
    this.#process = process;
    this.exited = new Promise((resolve) => process.once("exit", (code, signal) => resolve(signal ? null : code)));
  }

  get running(): boolean {
    return this.#process.exitCode === null && this.#process.signalCode === null;
  }

  /** Sends SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it is gone. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.#process.kill("SIGTERM");
    const timer = setTimeout(() => this.#process.kill("SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * Starts `node <nodeArgs>` as a child of npm start: in its own process group (a Ctrl-C reaches
 * npm start only, which stops the children in order), and with an IPC channel and
 * exit_with_parent.mjs, so that it stops by itself if npm start dies without stopping it.
 */
function spawnChild(name: string, nodeArgs: readonly string[], options: ChildOptions): Child {
  const child = spawn(process.execPath, [...EXIT_WITH_PARENT, ...nodeArgs], {
    ...options,
    stdio: [...options.stdio, "ipc"],
    detached: true,
  });
  return new Child(name, child);
}

function startTypeScript(name: string, entry: string, args: string[], options: ChildOptions): Child {
  return spawnChild(name, [...FROM_SOURCE, entry, ...args], options);
}

/** Options of {@link startApiServer}. */
export interface ApiServerOptions {
  root: string;
  dataDir: string;
  kubeconfigPath: string;
  logPath: string;
}

/**
 * Starts the local API server on the data directory, logging to a file, and resolves once it
 * has written its kubeconfig.
 * Errors: rejects with the log's path when the server exits or writes no kubeconfig in time.
 */
export async function startApiServer(options: ApiServerOptions, timeoutMs = 30_000): Promise<Child> {
  rmSync(options.kubeconfigPath, { force: true });
  const log = openSync(options.logPath, "a");
  const server = startTypeScript(
    "API server",
    "cli/main.ts",
    ["cluster", "start", "--data-dir", options.dataDir, "--kubeconfig", options.kubeconfigPath],
    { cwd: options.root, env: process.env, stdio: ["ignore", log, log] },
  );
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(options.kubeconfigPath)) {
    if (!server.running) throw new Error(`the API server exited during start-up; see ${options.logPath}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the API server wrote no kubeconfig within ${timeoutMs / 1000} s; see ${options.logPath}`);
    }
    await sleep(100);
  }
  return server;
}

/**
 * Starts the compiled operator (`dist/main.js`, which `npm start` builds first) against the
 * kubeconfig, its logs on this terminal: compiled, as an image runs it, not through tsx.
 */
export function startOperator(root: string, kubeconfigPath: string, args: string[]): Child {
  return spawnChild("operator", [...OPERATOR_NODE_FLAGS, "dist/main.js", ...args], {
    cwd: root,
    env: { ...process.env, KUBECONFIG: kubeconfigPath },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Resolves once `child` accepts connections on `host:port` (the operator's webhook server, which
 * the API server calls for every Machine write and every read at v1beta1).
 * Errors: rejects when the child exits first or does not listen within `timeoutMs`.
 */
export async function untilListening(child: Child, host: string, port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(host, port))) {
    if (!child.running) throw new Error(`the ${child.name} exited before listening on ${host}:${port}`);
    if (Date.now() > deadline)
      throw new Error(`the ${child.name} did not listen on ${host}:${port} within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}
