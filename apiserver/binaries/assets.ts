/**
 * Finds the control-plane binaries as envtest does: an explicit folder, then `KUBEBUILDER_ASSETS`,
 * then uselessctl's own build cache (`npm run control-plane:build`) and the `setup-envtest` store
 * in its default place.
 */
import { accessSync, constants, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { KUBERNETES_VERSION } from "../kubernetes_version.js";

/** The binaries a control plane can run. */
export type BinaryName = "etcd" | "kube-apiserver" | "kube-controller-manager" | "kubectl";

/** Where the binaries were found, and each one's path. */
export interface BinaryAssets {
  readonly directory: string;
  readonly source: AssetSource;
  readonly paths: Readonly<Partial<Record<BinaryName, string>>>;
}

/** Which kind of place a folder of binaries came from. */
export type AssetSource = "binaryAssetsDirectory" | "KUBEBUILDER_ASSETS" | "uselessctl cache" | "setup-envtest store";

/** Options of {@link findBinaryAssets}; unset ones come from {@link DEFAULT_ASSET_SEARCH}. */
export interface AssetSearchOptions {
  /** An explicit folder: only it is searched. */
  readonly binaryAssetsDirectory: string | undefined;
  /** Binaries that must all be in the chosen folder. */
  readonly required: readonly BinaryName[];
  readonly env: NodeJS.ProcessEnv;
  readonly homeDirectory: string;
}

/** Defaults of {@link findBinaryAssets}. */
export const DEFAULT_ASSET_SEARCH: AssetSearchOptions = {
  binaryAssetsDirectory: undefined,
  required: ["etcd", "kube-apiserver", "kube-controller-manager"],
  env: process.env,
  homeDirectory: homedir(),
};

/** The command that builds the binaries into uselessctl's cache. */
export const BUILD_COMMAND = "npm run control-plane:build (or hack/control-plane/build.sh)";

/** A required binary was found in none of the places searched. */
export class MissingBinaryError extends Error {
  readonly binary: BinaryName;
  readonly searched: readonly string[];

  constructor(binary: BinaryName, searched: readonly string[]) {
    super(
      `${binary} not found; looked in:\n${searched.map((place) => `  - ${place}`).join("\n")}\n` +
        `Build the reference control plane with: ${BUILD_COMMAND}`,
    );
    this.name = "MissingBinaryError";
    this.binary = binary;
    this.searched = searched;
  }
}

/** The cache folder `hack/control-plane/build.sh` fills: `<root>/<kubernetes version>/`. */
export function controlPlaneCacheRoot(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return env["USELESSCTL_CONTROL_PLANE_DIR"] || join(home, ".cache", "uselessctl", "control-plane");
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Compares "v1.37.2" / "1.30.0-linux-amd64" style names, newest first. */
function byVersionDescending(a: string, b: string): number {
  const parts = (name: string) => (name.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0);
  return 0;
}

function subfolders(directory: string, filter: (name: string) => boolean): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && filter(entry.name))
      .map((entry) => entry.name)
      .sort(byVersionDescending)
      .map((name) => join(directory, name));
  } catch {
    return [];
  }
}

/** Candidate folders, most preferred first. */
function candidates(options: AssetSearchOptions): { directory: string; source: AssetSource }[] {
  if (options.binaryAssetsDirectory)
    return [{ directory: options.binaryAssetsDirectory, source: "binaryAssetsDirectory" }];
  const fromEnv = options.env["KUBEBUILDER_ASSETS"];
  if (fromEnv) return [{ directory: fromEnv, source: "KUBEBUILDER_ASSETS" }];
  const cacheRoot = controlPlaneCacheRoot(options.env, options.homeDirectory);
  const exact = join(cacheRoot, KUBERNETES_VERSION.gitVersion);
  const platform = `${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
  const store = join(options.homeDirectory, ".local", "share", "kubebuilder-envtest", "k8s");
  return [
    { directory: exact, source: "uselessctl cache" as const },
    ...subfolders(store, (name) => name.endsWith(platform)).map((directory) => ({
      directory,
      source: "setup-envtest store" as const,
    })),
    ...subfolders(cacheRoot, (name) => /^v\d/.test(name))
      .filter((directory) => directory !== exact)
      .map((directory) => ({ directory, source: "uselessctl cache" as const })),
  ];
}

/**
 * The first folder holding every required binary.
 *
 * Errors: {@link MissingBinaryError} naming the first required binary missing from the most
 * preferred place, every place searched, and the command that builds the binaries.
 */
export function findBinaryAssets(options: Partial<AssetSearchOptions> = {}): BinaryAssets {
  const completed: AssetSearchOptions = { ...DEFAULT_ASSET_SEARCH, ...options };
  const places = candidates(completed);
  for (const { directory, source } of places) {
    if (completed.required.every((binary) => isExecutable(join(directory, binary)))) {
      const paths: Partial<Record<BinaryName, string>> = {};
      for (const binary of ["etcd", "kube-apiserver", "kube-controller-manager", "kubectl"] as const) {
        if (isExecutable(join(directory, binary))) paths[binary] = join(directory, binary);
      }
      return { directory, source, paths };
    }
  }
  const first = places[0];
  const missing =
    completed.required.find((binary) => !first || !isExecutable(join(first.directory, binary))) ??
    completed.required[0] ??
    "kube-apiserver";
  throw new MissingBinaryError(
    missing,
    places.map(({ directory, source }) => `${directory} (${source})`),
  );
}
