/**
 * Finds the sources `uselessctl generate manifests` reads, laid out as kubebuilder lays a project
 * out: the API types in `api/<version>/*.ts` (`api/<group>/<version>/*.ts` in a multi-group
 * project), the reconcilers (which carry the `+kubebuilder:rbac` markers) below `controllers/`
 * and the webhooks (`+kubebuilder:webhook` markers) below `webhooks/`, where `create webhook`
 * puts them, every folder read as controller-gen's `paths="./..."` reads every package.
 * Tests (`*.test.ts`) and declaration files are never part of an API.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { ScaffoldError } from "./errors.js";

/** The files of one project, absolute paths, sorted. */
export interface ProjectFiles {
  readonly rootDir: string;
  readonly apiFiles: readonly string[];
  readonly controllerFiles: readonly string[];
  readonly webhookFiles: readonly string[];
}

/** What to look for. */
export interface DiscoverOptions {
  /** The project root (`--dir`). */
  readonly dir: string;
  /**
   * Narrows discovery to these files or folders, relative to `dir` (`--paths`). controller-gen's
   * `./api/...` spelling is accepted and means the folder and everything under it. A version
   * folder with any file selected always contributes its `groupversion_info.ts`.
   */
  readonly paths?: readonly string[] | undefined;
}

/** The file that carries a version folder's `+groupName`, as kubebuilder names it. */
const groupVersionFile = "groupversion_info.ts";

function isSourceFile(name: string): boolean {
  return name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts");
}

function sourceFilesIn(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile() && isSourceFile(entry.name)).map((entry) => join(dir, entry.name));
}

/** Every folder below `dir` (not `dir` itself), at any depth. */
function foldersBelow(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => [join(dir, entry.name), ...foldersBelow(join(dir, entry.name))]);
}

function isWithin(file: string, folderOrFile: string): boolean {
  const fromScope = relative(folderOrFile, file);
  return fromScope === "" || (!fromScope.startsWith("..") && !isAbsolute(fromScope));
}

/** Resolves each `--paths` entry and checks that it names something inside the project. */
function resolveScopes(rootDir: string, paths: readonly string[]): string[] {
  return paths.map((path) => {
    const trimmed = path.replace(/[/\\]\.\.\.$/, "");
    const scope = resolve(rootDir, trimmed === "." || trimmed === "" ? "." : trimmed);
    try {
      statSync(scope);
    } catch {
      throw new ScaffoldError("invalid-input", `--paths ${path}: no such file or folder under ${rootDir}`, {
        subject: "--paths",
      });
    }
    if (!isWithin(scope, rootDir)) {
      throw new ScaffoldError(
        "invalid-input",
        `--paths ${path}: expected a path inside the project folder ${rootDir}`,
        {
          subject: "--paths",
        },
      );
    }
    return scope;
  });
}

/** The `.ts` files of `folder` and every folder below it that are in scope, sorted. */
function sourceFilesBelow(folder: string, inScope: (file: string) => boolean): string[] {
  return [folder, ...foldersBelow(folder)].flatMap(sourceFilesIn).filter(inScope).sort();
}

/**
 * Lists the `.ts` files below `api/`, `controllers/` and `webhooks/` under `options.dir`, narrowed by
 * `options.paths`. Throws an `invalid-input` {@link ScaffoldError} when the project folder does
 * not exist, when a `--paths` entry names nothing, or when no API file is left to read.
 */
export function discoverProjectFiles(options: DiscoverOptions): ProjectFiles {
  const rootDir = resolve(options.dir);
  let isFolder = false;
  try {
    isFolder = statSync(rootDir).isDirectory();
  } catch {
    // reported below, with the same message as a file given in place of a folder
  }
  if (!isFolder)
    throw new ScaffoldError("invalid-input", `--dir ${options.dir}: expected a project folder, found none`, {
      subject: "--dir",
    });

  const scopes = options.paths && options.paths.length > 0 ? resolveScopes(rootDir, options.paths) : [rootDir];
  const inScope = (file: string) => scopes.some((scope) => isWithin(file, scope));

  const allApiFiles = foldersBelow(join(rootDir, "api")).flatMap(sourceFilesIn);
  const selected = allApiFiles.filter(inScope);
  // A kind's group comes from its folder's groupversion_info.ts (Go's package doc), so narrowing
  // to one types file still reads it, as controller-gen always reads a whole package.
  const versionFolders = new Set(selected.map((file) => dirname(file)));
  const apiFiles = allApiFiles
    .filter(
      (file) => selected.includes(file) || (basename(file) === groupVersionFile && versionFolders.has(dirname(file))),
    )
    .sort();
  const controllerFiles = sourceFilesBelow(join(rootDir, "controllers"), inScope);
  const webhookFiles = sourceFilesBelow(join(rootDir, "webhooks"), inScope);
  if (apiFiles.length === 0) {
    const where = options.paths && options.paths.length > 0 ? ` within --paths ${options.paths.join(",")}` : "";
    throw new ScaffoldError(
      "invalid-input",
      `no API types found${where}: expected TypeScript files in ${join(rootDir, "api")}${sep}<version>${sep}*.ts`,
      { subject: join(rootDir, "api") },
    );
  }
  return { rootDir, apiFiles, controllerFiles, webhookFiles };
}
