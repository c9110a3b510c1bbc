/**
 * The process table as Linux shows it in /proc, for tests that check which processes outlive
 * whom (a killed `npm start`, a stopped control plane).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** Whether /proc can be read here; tests that need it skip otherwise. */
export const procAvailable = existsSync("/proc/self/stat");

/** The state letter and parent pid of a process, or undefined when there is no such process. */
function statOf(pid: number): { state: string; parent: number } | undefined {
  try {
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state = "", parent = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state, parent: Number(parent) };
  } catch {
    return undefined;
  }
}

/** Whether `pid` runs; one that exited but nobody reaped yet (a zombie) does not. */
export function isRunning(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== undefined && stat.state !== "Z";
}

/** The pids of the running processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => statOf(child)?.parent === pid && isRunning(child));
}
