/**
 * Writing a plan, all or nothing: every file is first written to a temporary file beside its
 * target, then each temporary file is renamed over its target (a file being replaced is first
 * moved aside). If any step fails, the renames done so far are undone, the files moved aside come
 * back and the folders created are removed, so the project is as it was before the command.
 *
 * Guarantees: after a failure no planned file has changed and no temporary file is left.
 * Assumptions: nobody else writes the same files at the same time (a file changed between
 * planning and committing is detected and refused, before anything is written).
 * Caveats: a crash of the process itself (SIGKILL) in the middle can leave temporary files.
 */
import * as fs from "node:fs";
import { basename, dirname, join } from "node:path";
import { ScaffoldError } from "./errors.js";
import type { FilePlan, PlannedFile } from "./plan.js";

/** The file operations a commit uses; tests replace one to make a write fail half-way. */
export interface CommitFileSystem {
  readonly writeFile: (path: string, content: string) => void;
  readonly rename: (from: string, to: string) => void;
  readonly remove: (path: string) => void;
  readonly makeDirectory: (path: string) => void;
  readonly removeEmptyDirectory: (path: string) => void;
}

/** Options of `commitPlan`: the file operations, any of which a test may replace. */
export interface CommitOptions {
  readonly fileSystem: Partial<CommitFileSystem>;
}

const DEFAULT_COMMIT_OPTIONS: { readonly fileSystem: CommitFileSystem } = {
  fileSystem: {
    writeFile: (path, content) => fs.writeFileSync(path, content, { flag: "wx" }),
    rename: (from, to) => fs.renameSync(from, to),
    remove: (path) => fs.rmSync(path, { force: true }),
    makeDirectory: (path) => fs.mkdirSync(path),
    removeEmptyDirectory: (path) => fs.rmdirSync(path),
  },
};

/** What a commit wrote. */
export interface CommitResult {
  readonly files: readonly PlannedFile[];
}

interface Staged {
  readonly file: PlannedFile;
  readonly target: string;
  readonly temporary: string;
  readonly aside: string;
  movedAside: boolean;
  placed: boolean;
}

/** Writes every file of `plan` or, on failure, none; throws a `write-failed` ScaffoldError then. */
export function commitPlan(plan: FilePlan, options: Partial<CommitOptions> = {}): CommitResult {
  const fileSystem: CommitFileSystem = { ...DEFAULT_COMMIT_OPTIONS.fileSystem, ...options.fileSystem };
  refuseChangedSincePlanned(plan);
  const createdDirectories: string[] = [];
  const staged: Staged[] = plan.files.map((file, index) => {
    const target = join(plan.root, file.path);
    const stem = join(dirname(target), `.${basename(target)}.uselessctl-${process.pid}-${index}`);
    return { file, target, temporary: `${stem}.tmp`, aside: `${stem}.old`, movedAside: false, placed: false };
  });
  try {
    for (const entry of staged) {
      ensureDirectory(dirname(entry.target), createdDirectories, fileSystem);
      fileSystem.writeFile(entry.temporary, entry.file.content);
    }
    for (const entry of staged) {
      if (entry.file.previous !== undefined) {
        fileSystem.rename(entry.target, entry.aside);
        entry.movedAside = true;
      }
      fileSystem.rename(entry.temporary, entry.target);
      entry.placed = true;
    }
  } catch (error) {
    rollBack(staged, createdDirectories, fileSystem);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScaffoldError("write-failed", `writing the project failed, nothing was changed: ${reason}`, {
      subject: plan.root,
      cause: error,
    });
  }
  for (const entry of staged) {
    if (entry.movedAside) tryQuietly(() => fileSystem.remove(entry.aside));
  }
  return { files: plan.files };
}

function refuseChangedSincePlanned(plan: FilePlan): void {
  for (const file of plan.files) {
    const target = join(plan.root, file.path);
    const now = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (now !== file.previous) {
      throw new ScaffoldError("write-failed", `${target} changed after the command planned its writes; run it again`, {
        subject: file.path,
      });
    }
  }
}

/** Creates `dir` and its missing parents, recording each folder created (parents first). */
function ensureDirectory(dir: string, created: string[], fileSystem: CommitFileSystem): void {
  if (fs.existsSync(dir)) return;
  ensureDirectory(dirname(dir), created, fileSystem);
  fileSystem.makeDirectory(dir);
  created.push(dir);
}

function rollBack(
  staged: readonly Staged[],
  createdDirectories: readonly string[],
  fileSystem: CommitFileSystem,
): void {
  for (const entry of [...staged].reverse()) {
    if (entry.placed) tryQuietly(() => fileSystem.remove(entry.target));
    if (entry.movedAside) tryQuietly(() => fileSystem.rename(entry.aside, entry.target));
    tryQuietly(() => fileSystem.remove(entry.temporary));
  }
  for (const dir of [...createdDirectories].reverse()) tryQuietly(() => fileSystem.removeEmptyDirectory(dir));
}

function tryQuietly(action: () => void): void {
  try {
    action();
  } catch {
    // best effort while undoing: the original failure is the one reported
  }
}
