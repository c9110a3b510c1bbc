/**
 * Writes a set of generated files so that a reader never sees half of one: every file is first
 * written to a temporary sibling, and only once all of them are on disk are they renamed over
 * their targets (a rename within one folder is atomic on POSIX). Files whose content is already
 * what would be written are left alone, so that `make` and editors see no change.
 *
 * Caveats: the set as a whole is not atomic (a crash between two renames leaves some files new and
 * some old), but no file is ever partially written, and a failure before the first rename leaves
 * every target untouched.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { randomBytes } from "node:crypto";

/** One file to write, its path relative to the project root. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** A generated file that could not be written; no target was changed. */
export class WriteFilesError extends Error {
  override readonly name = "WriteFilesError";
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`cannot write ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.path = path;
  }
}

/** What {@link writeFilesAtomically} did, paths relative to the root as given. */
export interface WriteOutcome {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
}

function currentContent(target: string): string | undefined {
  try {
    return readFileSync(target, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Writes `files` under `rootDir`. A file that cannot be staged (a folder that cannot be created,
 * a full disk) throws {@link WriteFilesError} after every temporary file has been removed, before
 * any target changed.
 */
export function writeFilesAtomically(rootDir: string, files: readonly GeneratedFile[]): WriteOutcome {
  for (const file of files) {
    const fromRoot = relative(rootDir, resolve(rootDir, file.path));
    if (fromRoot.startsWith("..") || isAbsolute(fromRoot)) {
      throw new Error(`refusing to write ${file.path}: expected a path inside ${rootDir}`);
    }
  }
  const changed = files.filter((file) => currentContent(resolve(rootDir, file.path)) !== file.content);
  const unchanged = files.filter((file) => !changed.includes(file)).map((file) => file.path);
  const suffix = `.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const staged: { temporary: string; target: string }[] = [];
  let current = "";
  try {
    for (const file of changed) {
      current = file.path;
      const target = resolve(rootDir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      // A dot-prefixed sibling: same folder (so the rename is atomic) and hidden from globs.
      const temporary = join(dirname(target), `.${basename(target)}${suffix}`);
      staged.push({ temporary, target });
      writeFileSync(temporary, file.content, { flag: "wx" });
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw new WriteFilesError(current, error);
  }
  for (const { temporary, target } of staged) renameSync(temporary, target);
  return { written: changed.map((file) => file.path), unchanged };
}
