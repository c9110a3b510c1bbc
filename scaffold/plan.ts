/**
 * File plans: everything a command will write, computed and checked before anything is written.
 * A plan lists each file with its final content and what the command does to it (create it,
 * overwrite it under --force, or update it by inserting at markers), plus the content it had
 * when planned, so `commitPlan` can refuse to write over a file that changed in between.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ScaffoldError } from "./errors.js";
import { insertAtMarkers, type Insertion } from "./insert.js";

/** What a command does to one file. */
export type FileAction = "create" | "overwrite" | "update";

/** One file of a plan: its path relative to the plan's root (posix), action and final content. */
export interface PlannedFile {
  readonly path: string;
  readonly action: FileAction;
  readonly content: string;
  /** The file's content when planned; undefined when it did not exist. */
  readonly previous: string | undefined;
}

/** Every file a command writes, in the order it lists them. */
export interface FilePlan {
  /** The project root the paths are relative to (absolute). */
  readonly root: string;
  readonly files: readonly PlannedFile[];
}

/**
 * What to do when a file a command writes is already on disk: refuse, overwrite it (--force),
 * keep it (files shared by several kinds), or update it (files a command maintains, as PROJECT).
 */
export type OnExisting = "refuse" | "overwrite" | "keep" | "update";

/**
 * A plan being built: reads see the files planned so far over the files on disk, so an insertion
 * into a file the same plan creates works like one into a file that already exists.
 */
export class PlanDraft {
  readonly root: string;
  readonly #files = new Map<string, PlannedFile>();

  constructor(root: string) {
    this.root = root;
  }

  /** The content `path` will have after the planned writes so far, or undefined if none. */
  current(path: string): string | undefined {
    return this.#files.get(path)?.content ?? this.#disk(path);
  }

  /** Plans `content` at `path`; `onExisting` decides about a file already on disk. */
  put(path: string, content: string, onExisting: OnExisting): void {
    const planned = this.#files.get(path);
    if (planned) {
      this.#files.set(path, { ...planned, content });
      return;
    }
    const previous = this.#disk(path);
    if (previous === undefined) {
      this.#files.set(path, { path, action: "create", content, previous });
      return;
    }
    if (onExisting === "keep" || previous === content) return;
    if (onExisting === "refuse") {
      throw new ScaffoldError(
        "already-exists",
        `${join(this.root, path)} already exists; pass --force to overwrite it`,
        {
          subject: path,
        },
      );
    }
    this.#files.set(path, { path, action: onExisting === "update" ? "update" : "overwrite", content, previous });
  }

  /** Plans inserting fragments at markers of `path`, which must exist on disk or in the plan. */
  insert(path: string, insertions: readonly Insertion[]): void {
    const before = this.current(path);
    if (before === undefined) {
      throw new ScaffoldError(
        "marker-missing",
        `${join(this.root, path)} does not exist; it holds the "+kubebuilder:scaffold" markers this command inserts at (was it made by \`uselessctl init\`?)`,
        { subject: path },
      );
    }
    const after = insertAtMarkers(before, insertions, join(this.root, path));
    if (after === before) return;
    const planned = this.#files.get(path);
    this.#files.set(
      path,
      planned ? { ...planned, content: after } : { path, action: "update", content: after, previous: before },
    );
  }

  /** The finished plan. */
  finish(): FilePlan {
    return { root: this.root, files: [...this.#files.values()] };
  }

  #disk(path: string): string | undefined {
    const absolute = join(this.root, path);
    return existsSync(absolute) ? readFileSync(absolute, "utf8") : undefined;
  }
}
