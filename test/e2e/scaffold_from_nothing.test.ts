/**
 * From nothing, as a newcomer with this checkout and no registry package: `npm pack` the checkout,
 * `npx --package <tarball> uselessctl init` in an empty folder, `edit --multigroup=true`, `create
 * api` in two groups, `create webhook --defaulting --programmatic-validation` for one kind, `npm
 * install` (the tarball plus npm's cache; the registry when the cache lacks something), `make
 * manifests` (CRDs, role, webhook configurations), `tsc`, kustomize's build of config/default (the
 * certificate and CA injection wired), the scaffolded tests (the webhook test: startTestEnv
 * installs the configurations pointing at the test's own webhook server, and the API server calls
 * the defaulter and the validator; again on the binaries control plane when it is built), usage
 * from `main.ts --help`, and `make run` against a local API server reconciling a sample applied
 * with kubectl. One project for all of it: each `npm install` costs about a minute.
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
import { findBinaryAssets } from "uselessctl/testenv";
import { temporaryDir } from "../scaffold/dir_snapshot.js";
import { NPM_QUIET, packCheckout, root, step } from "./from_nothing_harness.js";

/** The newcomer's commands after init: two groups, so the project goes multi-group first. */
const PROJECT_COMMANDS: readonly (readonly string[])[] = [
  ["edit", "--multigroup=true"],
  ["create", "api", "--group", "ships", "--version", "v1beta1", "--kind", "Frigate"],
  ["create", "api", "--group", "fleet", "--version", "v1alpha1", "--kind", "Admiral", "--namespaced=false"],
  [
    "create",
    "webhook",
    "--group",
    "ships",
    "--version",
    "v1beta1",
    "--kind",
    "Frigate",
    "--defaulting",
    "--programmatic-validation",
  ],
];

const WEBHOOK_TEST = "webhooks/ships/v1beta1/frigate_webhook.test.ts";

function binariesBuilt(): boolean {
  try {
    findBinaryAssets({ required: ["etcd", "kube-apiserver", "kube-controller-manager"] });
    return true;
  } catch {
    return false;
  }
}

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
  // Webhooks need serving certificates, which `make run` outside a cluster has none of (as with kubebuilder).
  const manager = spawn("make", ["run", "RUN_ARGS=--health-probe-bind-address=0"], {
    cwd: project,
    env: { ...process.env, KUBECONFIG: env.kubeconfigPath, ENABLE_WEBHOOKS: "false" },
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
  "npm pack, init from the tarball, create api in two groups, create webhook, npm install, make manifests, tsc, kustomize, tests, --help, make run",
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

      await timed("create api x2, create webhook", () => {
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
      const webhooks = readFileSync(join(project, "config/webhook/manifests.yaml"), "utf8");
      assert.match(
        webhooks,
        /kind: MutatingWebhookConfiguration[^]*path: \/mutate-ships-example-com-v1beta1-frigate[^]*name: mfrigate-v1beta1\.kb\.io/,
      );
      assert.match(
        webhooks,
        /kind: ValidatingWebhookConfiguration[^]*path: \/validate-ships-example-com-v1beta1-frigate[^]*name: vfrigate-v1beta1\.kb\.io/,
      );

      await timed("tsc --noEmit", () => step("npx", ["--no-install", "tsc", "--noEmit"], { cwd: project }));
      const built = step("kubectl", ["kustomize", "config/default"], { cwd: project });
      assert.match(
        built,
        /cert-manager\.io\/inject-ca-from: fleet-system\/fleet-serving-cert\n[^]*name: fleet-mutating-webhook-configuration/,
      );
      assert.match(built, /- fleet-webhook-service\.fleet-system\.svc\n/);
      assert.match(built, /containerPort: 9443/);

      // Without NODE_TEST_CONTEXT (set for this test's own runner), the project's runner reports in TAP.
      const { NODE_TEST_CONTEXT: _ours, ...env } = process.env;
      const tests = await timed("npm test", () => step("npm", ["test"], { cwd: project, env }));
      assert.match(tests, /^# pass 8$/m, "both controllers' and the webhook's scaffolded tests ran and passed");
      if (binariesBuilt()) {
        const output = await timed("webhook test (binaries)", () =>
          step(process.execPath, ["--import", "tsx", "--test", WEBHOOK_TEST], {
            cwd: project,
            env: { ...env, USELESSCTL_TEST_CONTROL_PLANE: "binaries" },
          }),
        );
        assert.match(output, /^# pass 2$/m, "the defaulting and validating tests passed on the binaries control plane");
      }
      const usage = step(process.execPath, ["--import", "tsx", "main.ts", "--help"], { cwd: project });
      assert.match(usage, /^Usage: node dist\/main\.js \[flags\]/);
      await timed("make run + samples", () => makeRunReconcilesTheSample(project));
      t.diagnostic(timings.join(", "));
    } finally {
      remove();
    }
  },
);
