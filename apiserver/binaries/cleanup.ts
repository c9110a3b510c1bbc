/**
 * Guarantees that a control plane leaves no orphan process and no temporary folder behind,
 * however this Node.js process ends.
 *
 * Guarantees:
 * - `stop()` of the owner is the normal path; everything here is the safety net for when it is
 *   never called.
 * - On a normal exit (including a failed test file) and on SIGINT/SIGTERM, the children are
 *   killed and the folders removed synchronously before Node.js goes away.
 * - On SIGKILL of Node.js, which no handler can see, a tiny watchdog shell (its own process group,
 *   so a terminal's Ctrl-C does not take it down first) notices within a second that its parent
 *   is gone and kills the children and removes the folders.
 *
 * Caveats: the watchdog kills by pid, read from a file it shares with this process.
 */
import { spawn } from "node:child_process";
import { appendFileSync, rmSync } from "node:fs";

/** What must disappear with a control plane. */
export interface CleanupEntry {
  /** Pids of running children; more can be added as they start. */
  readonly pids: Set<number>;
  /** Folders removed at cleanup. */
  readonly directories: readonly string[];
}

/** A registration with the safety net; `release()` once the owner has cleaned up itself. */
export interface CleanupRegistration {
  addPid(pid: number): void;
  release(): void;
}

const entries = new Set<CleanupEntry>();
let handlersInstalled = false;

function killAndRemoveSync(entry: CleanupEntry): void {
  for (const pid of entry.pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const directory of entry.directories) rmSync(directory, { recursive: true, force: true });
}

function cleanupAllSync(): void {
  for (const entry of entries) killAndRemoveSync(entry);
  entries.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else handles the signal (e.g. `uselessctl cluster start` stopping gracefully): leave
  // it to them; the exit hook still catches whatever they do not stop.
  if (process.listenerCount(signal) > 1) return;
  cleanupAllSync();
  uninstallHandlers();
  // We only listened to clean up: now let the signal end the process as it would have without us.
  process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", cleanupAllSync);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off("exit", cleanupAllSync);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
}

// Polls the parent once a second; when it is gone, kills the listed pids and removes the folders.
const WATCHDOG_SCRIPT = `
parent="$1"; pidfile="$2"; shift 2
while kill -0 "$parent" 2>/dev/null; do sleep 1; done
if [ -f "$pidfile" ]; then while read -r pid; do kill -9 "$pid" 2>/dev/null; done < "$pidfile"; fi
rm -rf "$@"
`;

/**
 * Registers folders (and, through `addPid`, processes) to be cleaned up if the owner never does.
 * `pidFile` lives inside one of the folders; the watchdog reads it after this process dies.
 */
export function registerCleanup(directories: readonly string[], pidFile: string): CleanupRegistration {
  const entry: CleanupEntry = { pids: new Set(), directories };
  entries.add(entry);
  installHandlers();
  const watchdog = spawn("sh", ["-c", WATCHDOG_SCRIPT, "watchdog", String(process.pid), pidFile, ...directories], {
    detached: true,
    stdio: "ignore",
  });
  watchdog.unref();
  const watchdogPid = watchdog.pid;
  return {
    addPid(pid) {
      entry.pids.add(pid);
      appendFileSync(pidFile, `${pid}\n`);
    },
    release() {
      entries.delete(entry);
      if (entries.size === 0) uninstallHandlers();
      // The watchdog leads its own process group: killing the group also ends its `sleep`.
      if (watchdogPid !== undefined) {
        try {
          process.kill(-watchdogPid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    },
  };
}
