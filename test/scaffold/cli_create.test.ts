/**
 * `uselessctl init` and `create api` as a user types them: flags in kubebuilder's spelling
 * (`--namespaced=false`, `--controller=false`), what they print, and no prompt without a terminal.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { run } from "../../cli/main.js";
import { temporaryDir } from "./dir_snapshot.js";

const scratch = temporaryDir("cli-create");
after(() => scratch.remove());

async function uselessctl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(["node", "uselessctl", ...args], {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

test("init then create api with kubebuilder's boolean flags scaffolds a cluster-scoped kind without controller", async () => {
  const project = join(scratch.dir, "demo");
  const init = await uselessctl("init", "--domain", "example.com", "--dir", project);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stdout, /^created {3}PROJECT$/m);
  assert.match(init.stdout, /^Next: npm install, then `uselessctl create api/m);

  const api = await uselessctl(
    "create",
    "api",
    "--dir",
    project,
    "--group",
    "ops",
    "--version",
    "v1beta1",
    "--kind",
    "Policy",
    "--namespaced=false",
    "--controller=false",
  );
  assert.equal(api.code, 0, api.stderr);
  assert.deepEqual(
    api.stdout.split("\n").filter((line) => /^(created|updated|overwrote) /.test(line)),
    [
      "created   api/v1beta1/groupversion_info.ts",
      "created   api/v1beta1/index.ts",
      "created   api/v1beta1/policy_types.ts",
      "created   config/samples/ops_v1beta1_policy.yaml",
      "updated   config/crd/kustomization.yaml",
      "updated   config/samples/kustomization.yaml",
      "updated   PROJECT",
    ],
  );
  const types = readFileSync(join(project, "api/v1beta1/policy_types.ts"), "utf8");
  assert.match(
    types,
    /export const Policy = GroupVersion\.kind<Policy>\(\{ kind: "Policy", plural: "policies", namespaced: false \}\);/,
  );
  assert.match(
    readFileSync(join(project, "config/crd/kustomization.yaml"), "utf8"),
    /^- bases\/ops\.example\.com_policies\.yaml$/m,
  );
  assert.match(readFileSync(join(project, "PROJECT"), "utf8"), /namespaced: false/);

  const bad = await uselessctl(
    "create",
    "api",
    "--dir",
    project,
    "--group",
    "ops",
    "--version",
    "v1beta1",
    "--kind",
    "Other",
    "--namespaced=maybe",
  );
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--namespaced must be true or false, not "maybe"/);
});
