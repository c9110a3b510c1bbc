/**
 * One supervised child process of the control plane: spawned, its output kept as a short tail
 * for error messages, its exit observable, and stoppable with a grace period.
 */
import { spawn, type ChildProcess } from "node:child_process";

/** How a supervised process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running child process of the control plane. */
export interface SupervisedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves when the process has ended, for whatever reason. */
  readonly exited: Promise<ProcessExit>;
  /** The exit once it has happened, `undefined` while running. */
  exitStatus(): ProcessExit | undefined;
  /** The last lines the process wrote to stdout or stderr. */
  logTail(): string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Options of {@link startSupervisedProcess}. */
export interface SupervisedProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** How many output lines to keep for error messages. */
  readonly tailLines?: number;
}

const DEFAULT_TAIL_LINES = 30;
const DEFAULT_STOP_GRACE_MS = 5_000;

/** Raised when a child of the control plane ends while it is being started. */
export class ChildProcessDiedError extends Error {
  readonly processName: string;
  readonly exit: ProcessExit;
  readonly logTail: readonly string[];

  constructor(processName: string, exit: ProcessExit, logTail: readonly string[]) {
    const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    super(
      `${processName} died during start (${how}); its last output:\n` +
        (logTail.length ? logTail.map((line) => `  ${line}`).join("\n") : "  (no output)"),
    );
    this.name = "ChildProcessDiedError";
    this.processName = processName;
    this.exit = exit;
    this.logTail = logTail;
  }
}

/** Spawns `command` with output captured into a bounded tail. */
export function startSupervisedProcess(options: SupervisedProcessOptions): SupervisedProcess {
  const tailLimit = options.tailLines ?? DEFAULT_TAIL_LINES;
  const tail: string[] = [];
  const child: ChildProcess = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    // "close", not "exit": only then has the child's last output been read into the tail (a
    // process that prints why it fails and exits at once may exit before its stderr is read).
    child.once("close", (code, signal) => {
      exit ??= { code, signal };
      resolve(exit);
    });
    child.once("error", (error) => {
      tail.push(`spawn failed: ${error.message}`);
      exit ??= { code: null, signal: null };
      resolve(exit);
    });
  });
  const keep = (line: string): void => {
    if (line.trim()) tail.push(line);
    if (tail.length > tailLimit) tail.splice(0, tail.length - tailLimit);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      lines.forEach(keep);
    });
    // A last line without a newline counts too.
    stream?.on("end", () => keep(partial));
  }

  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    exitStatus: () => exit,
    logTail: () => [...tail],
    async stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      if (exit) return;
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve();
        }, graceMs);
      });
      await Promise.race([exited, killed]);
      clearTimeout(timer);
      await exited;
    },
  };
}

/** Rejects with {@link ChildProcessDiedError} if `child` ends before `work` settles. */
export async function unlessDied<T>(child: SupervisedProcess, work: Promise<T>): Promise<T> {
  let settled = false;
  const died = child.exited.then((exit) => {
    if (settled) return new Promise<never>(() => undefined);
    throw new ChildProcessDiedError(child.name, exit, child.logTail());
  });
  try {
    return await Promise.race([work, died]);
  } finally {
    settled = true;
  }
}
