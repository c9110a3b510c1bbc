/**
 * The reference side: finds the controller-gen that hack/controller-gen/build.sh built and runs it
 * over the Go fixtures, CRDs of every fixture in one invocation (one package load), each RBAC or webhook
 * fixture in its own (controller-gen merges all RBAC or webhook markers of a run into one file).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { repositoryRoot } from "./fixtures.js";

/** The controller-tools release pinned in hack/controller-gen/go.mod. */
export function pinnedControllerGenVersion(): string {
  const goMod = readFileSync(join(repositoryRoot, "hack", "controller-gen", "go.mod"), "utf8");
  const version = /^\s*(?:require\s+)?sigs\.k8s\.io\/controller-tools (v\d+\.\d+\.\d+)/m.exec(goMod)?.[1];
  if (!version) throw new Error("hack/controller-gen/go.mod does not require sigs.k8s.io/controller-tools");
  return version;
}

/** Where build.sh puts the binary for `version`. */
export function controllerGenPath(version = pinnedControllerGenVersion()): string {
  const cacheRoot =
    process.env["USELESSCTL_CONTROL_PLANE_DIR"] ?? join(homedir(), ".cache", "uselessctl", "control-plane");
  return join(cacheRoot, "controller-gen", version, "controller-gen");
}

/** Why the suite cannot run here (a one-line notice), or undefined when it can. */
export function controllerGenUnavailableReason(): string | undefined {
  const binary = controllerGenPath();
  if (!existsSync(binary)) return `controller-gen is not built (${binary}); run npm run controller-gen:build`;
  // controller-gen loads the Go fixtures through `go list`
  const go = spawnSync("go", ["version"], { stdio: "ignore" });
  if (go.error || go.status !== 0) return "go is not on PATH (controller-gen needs it to load the Go fixtures)";
  return undefined;
}

/** Runs controller-gen with `args` in `cwd`; rejects with its output when it fails. */
export function runControllerGen(args: readonly string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // GOFLAGS=-mod=mod: the fixtures' go.sum is complete, but a stale module cache must not stop the run.
    const child = spawn(controllerGenPath(), args, {
      cwd,
      env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`controller-gen ${args.join(" ")} failed (exit ${code}):\n${output}`));
    });
  });
}
