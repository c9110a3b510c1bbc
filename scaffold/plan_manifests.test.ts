import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Diagnostic, GenerateInput, GenerateResult, GeneratedFile } from "../crdgen/index.js";
import { commitPlan } from "./commit.js";
import { isScaffoldError } from "./errors.js";
import { planManifests, type ManifestGenerator } from "./plan_manifests.js";

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "uselessctl-plan-manifests-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A stand-in for crdgen that answers `files` and `diagnostics` and records its input. */
function generator(files: GeneratedFile[], diagnostics: Diagnostic[] = []) {
  const inputs: GenerateInput[] = [];
  const fake: ManifestGenerator = {
    generateManifests: (input): GenerateResult => {
      inputs.push(input);
      return { files, crds: [], role: undefined, roles: [], webhookConfigurations: [], diagnostics };
    },
  };
  return { fake, inputs };
}

const api = {
  "api/v1/groupversion_info.ts": "/** +groupName=example.com */\n",
  "api/v1/widget_types.ts": "export interface Widget {}\n",
};
const same = { path: "config/crd/bases/example.com_widgets.yaml", content: "widgets\n" };
const changed = { path: "config/crd/bases/example.com_gadgets.yaml", content: "gadgets, new\n" };
const created = { path: "config/rbac/role.yaml", content: "role\n" };

test("plans only the files whose content changes, lists the rest as unchanged, and commits with commitPlan", async () => {
  const root = project({ ...api, [same.path]: same.content, [changed.path]: "gadgets, old\n" });
  const planned = await planManifests({ dir: root, generator: generator([same, changed, created]).fake });
  assert.equal(planned.plan.root, root);
  assert.deepEqual(
    planned.plan.files.map(({ path, action, previous }) => ({ path, action, previous })),
    [
      { path: changed.path, action: "overwrite", previous: "gadgets, old\n" },
      { path: created.path, action: "create", previous: undefined },
    ],
  );
  assert.deepEqual(planned.unchanged, [same.path]);
  commitPlan(planned.plan);
  assert.equal(readFileSync(join(root, changed.path), "utf8"), changed.content);
  assert.equal(readFileSync(join(root, created.path), "utf8"), created.content);
  rmSync(root, { recursive: true });
});

test("an error diagnostic plans no write, and the diagnostics come back with the plan", async () => {
  const root = project(api);
  const error: Diagnostic = {
    file: "api/v1/widget_types.ts",
    line: 1,
    column: 1,
    code: "UCTL1001",
    severity: "error",
    message: "unknown marker",
  };
  const planned = await planManifests({ dir: root, generator: generator([created], [error]).fake });
  assert.deepEqual(planned.plan.files, []);
  assert.deepEqual(planned.unchanged, []);
  assert.deepEqual(planned.diagnostics, [error]);
  rmSync(root, { recursive: true });
});

test("the project's tsconfig.json reaches the generator; without one the generator uses its defaults", async () => {
  const withConfig = project({ ...api, "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true } }) });
  const first = generator([]);
  await planManifests({ dir: withConfig, generator: first.fake });
  assert.equal(first.inputs[0]?.compilerOptions?.strict, true);
  assert.deepEqual(first.inputs[0]?.apiFiles, [
    join(withConfig, "api/v1/groupversion_info.ts"),
    join(withConfig, "api/v1/widget_types.ts"),
  ]);
  rmSync(withConfig, { recursive: true });

  const withoutConfig = project(api);
  const second = generator([]);
  await planManifests({ dir: withoutConfig, generator: second.fake });
  assert.equal(second.inputs[0]?.compilerOptions, undefined);
  rmSync(withoutConfig, { recursive: true });
});

test("a tsconfig.json that cannot be parsed is an invalid-input error naming the file", async () => {
  const root = project({ ...api, "tsconfig.json": '{ "compilerOptions": { "target": "ES1999" } }' });
  await assert.rejects(
    planManifests({ dir: root, generator: generator([]).fake }),
    (error) => isScaffoldError(error) && error.code === "invalid-input" && error.message.includes("tsconfig.json"),
  );
  rmSync(root, { recursive: true });
});
