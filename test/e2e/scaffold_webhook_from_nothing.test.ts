/**
 * A webhook from nothing, as a newcomer: `npm pack` the checkout, `init`, `create api`, `create
 * webhook --defaulting --programmatic-validation`, `npm install`, `make manifests` (the webhook
 * configurations beside the CRD), `tsc`, kustomize's build of config/default (the certificate and
 * CA injection wired), and the scaffolded webhook test: startTestEnv installs the configurations
 * pointing at the test's own webhook server, and the API server calls the defaulter and the
 * validator.
 *
 * The webhook test runs on every control plane that calls admission webhooks: the real
 * kube-apiserver when the binaries are built, the local server once it runs admission webhooks
 * (apiserver/admission/chain.ts).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { findBinaryAssets } from "uselessctl/testenv";
import { temporaryDir } from "../scaffold/dir_snapshot.js";
import { NPM_QUIET, packCheckout, root, step } from "./from_nothing_harness.js";

const WEBHOOK_FLAGS = ["--group", "ships", "--version", "v1", "--kind", "Frigate"];

function binariesBuilt(): boolean {
  try {
    findBinaryAssets({ required: ["etcd", "kube-apiserver", "kube-controller-manager"] });
    return true;
  } catch {
    return false;
  }
}

/** The control planes whose API server calls admission webhooks here. */
const controlPlanes = [
  ...(binariesBuilt() ? ["binaries"] : []),
  ...(existsSync(join(root, "apiserver/admission/chain.ts")) ? ["embedded"] : []),
];

test(
  "npm pack, init, create api, create webhook, npm install, make manifests, tsc, kustomize, the webhook test",
  {
    skip:
      controlPlanes.length === 0
        ? "no control plane calls admission webhooks: build the binaries (npm run control-plane:build)"
        : false,
    timeout: 900_000,
  },
  async (t) => {
    const timings: string[] = [];
    const timed = <T>(label: string, action: () => T): T => {
      const start = Date.now();
      const result = action();
      timings.push(`${label} ${Date.now() - start} ms`);
      return result;
    };
    const { dir, remove } = temporaryDir("webhook-from-nothing");
    const project = join(dir, "fleet");
    const uselessctl = (...args: string[]) =>
      step(process.execPath, [join(root, "bin/uselessctl.js"), ...args, "--dir", project], { cwd: dir });
    try {
      const tarball = timed("npm pack", () => packCheckout(dir));
      timed("npx init", () =>
        step(
          "npx",
          [
            ...NPM_QUIET,
            "--yes",
            "--package",
            tarball,
            "uselessctl",
            "init",
            "--domain",
            "example.com",
            "--dir",
            project,
          ],
          {
            cwd: dir,
          },
        ),
      );
      uselessctl("create", "api", ...WEBHOOK_FLAGS);
      const created = uselessctl("create", "webhook", ...WEBHOOK_FLAGS, "--defaulting", "--programmatic-validation");
      assert.match(created, /created +webhooks\/v1\/frigate_webhook\.ts\n/);
      assert.match(created, /created +webhooks\/v1\/frigate_webhook\.test\.ts\n/);
      timed("npm install", () => step("npm", ["install", ...NPM_QUIET], { cwd: project }));

      timed("make manifests", () => step("make", ["manifests"], { cwd: project }));
      const manifests = readFileSync(join(project, "config/webhook/manifests.yaml"), "utf8");
      assert.match(
        manifests,
        /kind: MutatingWebhookConfiguration[^]*path: \/mutate-ships-example-com-v1-frigate[^]*name: mfrigate-v1\.kb\.io/,
      );
      assert.match(
        manifests,
        /kind: ValidatingWebhookConfiguration[^]*path: \/validate-ships-example-com-v1-frigate[^]*name: vfrigate-v1\.kb\.io/,
      );

      timed("tsc --noEmit", () => step("npx", ["--no-install", "tsc", "--noEmit"], { cwd: project }));
      const built = step("kubectl", ["kustomize", "config/default"], { cwd: project });
      assert.match(
        built,
        /cert-manager\.io\/inject-ca-from: fleet-system\/fleet-serving-cert\n[^]*name: fleet-mutating-webhook-configuration/,
      );
      assert.match(built, /- fleet-webhook-service\.fleet-system\.svc\n/);
      assert.match(built, /containerPort: 9443/);

      // Without NODE_TEST_CONTEXT (set for this test's own runner), the project's runner reports in TAP.
      const { NODE_TEST_CONTEXT: _ours, ...env } = process.env;
      for (const controlPlane of controlPlanes) {
        const output = timed(`webhook test (${controlPlane})`, () =>
          step(process.execPath, ["--import", "tsx", "--test", "webhooks/v1/frigate_webhook.test.ts"], {
            cwd: project,
            env: { ...env, USELESSCTL_TEST_CONTROL_PLANE: controlPlane },
          }),
        );
        assert.match(output, /^# pass 2$/m, `the defaulting and validating tests passed on ${controlPlane}`);
      }
      t.diagnostic(timings.join(", "));
    } finally {
      remove();
    }
  },
);
