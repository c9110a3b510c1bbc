/**
 * The lock that makes one server the owner of a data directory: a `lock` file holding the owner's
 * pid. Two servers on one directory would each replay the log and then overwrite each other's
 * writes, so a second one refuses to start, naming the owner. A lock whose process is gone (the
 * owner was killed) is stale and taken over.
 *
 * The file is made complete under a temporary name and then hard-linked into place, which fails
 * when a lock exists: a reader never sees a half-written pid, and of two racing servers one wins.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";

const lockFileName = "lock";

/** A data directory owned by another live process. */
export class DataDirInUseError extends Error {
  readonly directory: string;
  readonly holderPid: number;

  constructor(directory: string, holderPid: number) {
    super(
      `data directory ${directory} is in use by another API server (pid ${holderPid}); ` +
        `stop that process or choose another data directory`,
    );
    this.name = "DataDirInUseError";
    this.directory = directory;
    this.holderPid = holderPid;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** The pid a lock file names, or undefined when it names none. */
function readHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) !== "ESRCH";
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
  }
}

export class DataDirLock {
  readonly #path: string;
  #held = true;

  /** Use `acquire`. */
  constructor(path: string) {
    this.#path = path;
  }

  /**
   * Takes the lock of `directory` (which must exist).
   * @throws DataDirInUseError when a live process holds it
   */
  static acquire(directory: string): DataDirLock {
    const path = join(directory, lockFileName);
    const staging = join(directory, `${lockFileName}.${process.pid}.${randomBytes(4).toString("hex")}`);
    writeFileSync(staging, `${process.pid}\n`, { mode: 0o600 });
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        try {
          linkSync(staging, path);
          return new DataDirLock(path);
        } catch (error) {
          if (errorCode(error) !== "EEXIST") throw error;
        }
        const holder = readHolder(path);
        if (holder !== undefined && isAlive(holder)) throw new DataDirInUseError(directory, holder);
        DataDirLock.#removeStale(path, holder);
      }
      throw new Error(`cannot lock data directory ${directory}: its lock file keeps changing`);
    } finally {
      removeIfPresent(staging);
    }
  }

  /** Moves a dead owner's lock aside; if another server replaced it meanwhile, puts that one back. */
  static #removeStale(path: string, deadHolder: number | undefined): void {
    const aside = `${path}.stale.${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if (errorCode(error) === "ENOENT") return;
      throw error;
    }
    const moved = readHolder(aside);
    if (moved !== deadHolder && moved !== undefined && isAlive(moved)) {
      try {
        linkSync(aside, path);
      } catch (error) {
        if (errorCode(error) !== "EEXIST") throw error;
      }
    }
    removeIfPresent(aside);
  }

  /** Gives the directory up, unless another process has taken the lock over meanwhile. */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    if (readHolder(this.#path) === process.pid) removeIfPresent(this.#path);
  }
}
