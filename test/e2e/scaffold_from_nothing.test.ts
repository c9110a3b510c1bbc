/**
 * From nothing, as a newcomer with this checkout and no registry package: `npm pack` the checkout,
 * `npx --package <tarball> uselessctl init` in an empty folder, `edit --multigroup=true`, `create
 * api` in two groups, `npm install` (the tarball plus npm's cache; the registry when the cache
 * lacks something), `make manifests`, `tsc`, the scaffolded tests, usage from `main.ts --help`,
 * and `make run` against a local API server reconciling a sample applied with kubectl.
 *
 * Needs the CRD generator, the runtime and the local API server: until they are on the checkout
 * the test is skipped with a one-line reason.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { temporaryDir } from "../scaffold/dir_snapshot.js";
import { NPM_QUIET, packCheckout, root, step } from "./from_nothing_harness.js";

/** The newcomer's commands after init: two groups, so the project goes multi-group first. */
const PROJECT_COMMANDS: readonly (readonly string[])[] = [
  ["edit", "--multigroup=true"],
  ["create", "api", "--group", "ships", "--version", "v1beta1", "--kind", "Frigate"],
  ["create", "api", "--group", "fleet", "--version", "v1alpha1", "--kind", "Admiral", "--namespaced=false"],
];

/** What the scaffolded project needs from this checkout, and where each piece lives. */
const PREREQUISITES: ReadonlyArray<readonly [name: string, present: () => boolean]> = [
  ["crdgen", () => existsSync(join(root, "crdgen/index.ts"))],
  [
    "generate manifests",
    () => !readFileSync(join(root, "cli/commands/generate.ts"), "utf8").includes("not implemented yet"),
  ],
  ["runtime", () => existsSync(join(root, "runtime/index.ts"))],
  ["testenv", () => existsSync(join(root, "apiserver/index.ts"))],
];
const missing = PREREQUISITES.filter(([, present]) => !present()).map(([name]) => name);

/** Waits until `output()` matches `pattern`, or fails after `timeoutMs` showing the output. */
async function waitForOutput(output: () => string, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) assert.fail(`no ${pattern} within ${timeoutMs} ms; output:\n${output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `make run` against a local API server, then `kubectl apply -k config/samples`: the manager reconciles the sample. */
async function makeRunReconcilesTheSample(project: string): Promise<void> {
  const { startTestEnv } = await import("uselessctl/testenv");
  const env = await startTestEnv({ crdDirectoryPaths: [join(project, "config/crd/bases")] });
  // its own process group, so that stopping it stops make, npm and node together
  const manager = spawn("make", ["run", "RUN_ARGS=--health-probe-bind-address=0"], {
    cwd: project,
    env: { ...process.env, KUBECONFIG: env.kubeconfigPath },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  manager.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  manager.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => manager.once("exit", () => resolve()));
  try {
    // no need to wait for the manager: objects that exist before its caches sync are reconciled too
    // asynchronously: the API server runs in this process and must keep answering
    await promisify(execFile)("kubectl", ["--kubeconfig", env.kubeconfigPath, "apply", "-k", "config/samples"], {
      cwd: project,
    });
    await waitForOutput(
      () => output,
      /Reconciling Frigate[^\n]*frigate-sample|frigate-sample[^\n]*Reconciling Frigate/,
      180_000,
    );
    await waitForOutput(
      () => output,
      /Reconciling Admiral[^\n]*admiral-sample|admiral-sample[^\n]*Reconciling Admiral/,
      60_000,
    );
  } finally {
    if (manager.pid !== undefined && manager.exitCode === null) process.kill(-manager.pid, "SIGTERM");
    await exited;
    await env.stop();
  }
}

test(
  "npm pack, init from the tarball, create api in two groups, npm install, make manifests, tsc, tests, --help, make run",
  {
    skip: missing.length > 0 ? `needs ${missing.join(", ")} on this checkout (merge main once they land)` : false,
    timeout: 900_000,
  },
  async (t) => {
    const timings: string[] = [];
    const timed = async <T>(label: string, action: () => T | Promise<T>): Promise<T> => {
      const start = Date.now();
      const result = await action();
      timings.push(`${label} ${Date.now() - start} ms`);
      return result;
    };
    const { dir, remove } = temporaryDir("from-nothing");
    const project = join(dir, "fleet");
    try {
      const tarball = await timed("npm pack", () => packCheckout(dir));
      await timed("npx init", () => {
        const init = ["init", "--domain", "example.com", "--dir", project];
        step("npx", [...NPM_QUIET, "--yes", "--package", tarball, "uselessctl", ...init], { cwd: dir });
      });
      const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
      };
      assert.deepEqual(manifest.dependencies, { uselessctl: `file:../${tarball.split("/").at(-1) ?? ""}` });
      assert.ok(manifest.devDependencies["typescript"], "the generator's compiler is a dev dependency");
      assert.match(readFileSync(join(project, ".gitignore"), "utf8"), /^\.uselessctl\/$/m);

      await timed("create api x2", () => {
        for (const args of PROJECT_COMMANDS)
          step(process.execPath, [join(root, "bin/uselessctl.js"), ...args, "--dir", project], { cwd: dir });
      });
      await timed("npm install", () => step("npm", ["install", ...NPM_QUIET], { cwd: project }));

      await timed("make manifests", () => step("make", ["manifests"], { cwd: project }));
      for (const crd of ["ships.example.com_frigates.yaml", "fleet.example.com_admirals.yaml"]) {
        const path = join(project, "config/crd/bases", crd);
        assert.ok(existsSync(path), `${crd} was generated`);
      }
      assert.match(
        readFileSync(join(project, "config/crd/bases/fleet.example.com_admirals.yaml"), "utf8"),
        /scope: Cluster/,
      );
      assert.match(readFileSync(join(project, "config/rbac/role.yaml"), "utf8"), /- admirals\n/);

      await timed("tsc --noEmit", () => step("npx", ["--no-install", "tsc", "--noEmit"], { cwd: project }));
      // Without NODE_TEST_CONTEXT (set for this test's own runner), the project's runner reports in TAP.
      const { NODE_TEST_CONTEXT: _ours, ...env } = process.env;
      const tests = await timed("npm test", () => step("npm", ["test"], { cwd: project, env }));
      assert.match(tests, /^# pass 6$/m, "both controllers' scaffolded tests ran and passed");
      const usage = step(process.execPath, ["--import", "tsx", "main.ts", "--help"], { cwd: project });
      assert.match(usage, /^Usage: node dist\/main\.js \[flags\]/);
      await timed("make run + samples", () => makeRunReconcilesTheSample(project));
      t.diagnostic(timings.join(", "));
    } finally {
      remove();
    }
  },
);
