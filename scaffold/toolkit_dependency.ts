/**
 * The `uselessctl` dependency a new project writes: the copy of uselessctl that is running, as
 * npm would spell it. A copy npm installed from a registry is `^<version>`; a copy installed from
 * a tarball (`npx ./uselessctl-0.1.0.tgz`, `npm install ../uselessctl-0.1.0.tgz`) is that tarball,
 * and a checkout or linked folder is that folder, each as a `file:` path relative to the project
 * (npm writes local dependencies that way). The package is not published under this name, so a
 * registry range is only written when npm's own records say the registry is where it came from.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** The running toolkit, as {@link uselessctlDependency} needs it. */
export interface RunningToolkit {
  /** The package root (real path, symlinks resolved). */
  readonly root: string;
  readonly version: string;
}

/** Where npm recorded an installed package as coming from: its `resolved` spec. */
function recordedSource(installRoot: string): string | undefined {
  // npm keeps a hidden lockfile in node_modules/ (npm 7+); the project's lockfile says the same.
  for (const lockfile of [
    join(installRoot, "node_modules/.package-lock.json"),
    join(installRoot, "package-lock.json"),
  ]) {
    const entry = readJson(lockfile)?.packages?.["node_modules/uselessctl"];
    if (typeof entry?.resolved === "string") return entry.resolved;
  }
  const declared = readJson(join(installRoot, "package.json"))?.dependencies?.["uselessctl"];
  return typeof declared === "string" ? declared : undefined;
}

interface NpmRecords {
  packages?: Record<string, { resolved?: unknown } | undefined>;
  dependencies?: Record<string, unknown>;
}

function readJson(path: string): NpmRecords | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as NpmRecords;
  } catch {
    // a lockfile we cannot read tells us nothing; the caller falls back to the folder itself
    return undefined;
  }
}

/** `file:<path>`, relative to `projectRoot` with forward slashes, as `npm install <path>` writes it. */
function fileSpec(projectRoot: string, target: string): string {
  const path = relative(resolve(projectRoot), target).split(sep).join("/");
  if (path === "") return "file:.";
  return `file:${isAbsolute(path) || path.startsWith("..") ? path : `./${path}`}`;
}

/** The dependency spec a project at `projectRoot` should declare on this copy of uselessctl. */
export function uselessctlDependency(toolkit: RunningToolkit, projectRoot: string): string {
  const installedInto = dirname(toolkit.root);
  if (basename(toolkit.root) !== "uselessctl" || basename(installedInto) !== "node_modules") {
    return fileSpec(projectRoot, toolkit.root); // a checkout, or a folder npm linked
  }
  const installRoot = dirname(installedInto);
  const source = recordedSource(installRoot);
  if (source === undefined) return fileSpec(projectRoot, toolkit.root);
  const fromRegistry = /^https?:\/\/.*\/-\/uselessctl-[^/]+\.tgz$/.test(source) || /^[~^<>=]*\d/.test(source);
  if (fromRegistry) return `^${toolkit.version}`;
  if (source.startsWith("file:")) return fileSpec(projectRoot, resolve(installRoot, source.slice("file:".length)));
  return source; // git, a tarball URL...: npm takes the same spec again
}
