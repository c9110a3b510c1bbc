import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { temporaryDir } from "../test/scaffold/dir_snapshot.js";
import { commitPlan } from "./commit.js";
import { planCreateApi } from "./plan_api.js";
import { planEdit } from "./plan_edit.js";
import { planInit } from "./plan_init.js";
import { readProjectFile } from "./project_file.js";

let scratch: ReturnType<typeof temporaryDir>;
before(() => (scratch = temporaryDir("plan-edit")));
after(() => scratch.remove());

function newProject(name: string): string {
  const dir = join(scratch.dir, name);
  commitPlan(planInit({ dir, domain: "example.com", projectName: "fleet-operator", uselessctlDependency: "^0.1.0" }));
  return dir;
}

const api = (dir: string, group: string, kind: string) => ({ dir, group, version: "v1alpha1", kind });

test("a single-group project refuses a second group with kubebuilder's message, and writes nothing", () => {
  const dir = newProject("single");
  commitPlan(planCreateApi(api(dir, "ships", "Frigate")));
  const before = readFileSync(join(dir, "PROJECT"), "utf8");
  assert.throws(() => planCreateApi(api(dir, "fleet", "Admiral")), {
    code: "invalid-input",
    subject: "--group",
    message:
      /^--group "fleet": multiple groups are not allowed by default, to enable multi-group visit https:\/\/kubebuilder\.io\/migration\/multi-group\.html \(this project's group is ships; `uselessctl edit --multigroup=true`/,
  });
  planCreateApi(api(dir, "ships", "Corvette")); // the same group is fine
  assert.equal(readFileSync(join(dir, "PROJECT"), "utf8"), before);
});

test("edit --multigroup=true: each group in api/<group>/<version>/ and controllers/<group>/", () => {
  const dir = newProject("multi");
  const { plan, misplaced } = planEdit({ dir, multigroup: true });
  assert.deepEqual(misplaced, []);
  commitPlan(plan);
  assert.match(readFileSync(join(dir, "PROJECT"), "utf8"), /^multigroup: true$/m);
  commitPlan(planCreateApi(api(dir, "ships", "Frigate")));
  commitPlan(planCreateApi(api(dir, "fleet", "Admiral")));
  for (const path of [
    "api/ships/v1alpha1/frigate_types.ts",
    "api/ships/v1alpha1/groupversion_info.ts",
    "api/fleet/v1alpha1/admiral_types.ts",
    "controllers/fleet/admiral_controller.ts",
    "config/samples/fleet_v1alpha1_admiral.yaml",
  ]) {
    assert.ok(existsSync(join(dir, path)), path);
  }
  assert.match(
    readFileSync(join(dir, "api/fleet/v1alpha1/groupversion_info.ts"), "utf8"),
    /\+groupName=fleet\.example\.com/,
  );
  const test_ = readFileSync(join(dir, "controllers/fleet/admiral_controller.test.ts"), "utf8");
  assert.match(test_, /from "\.\.\/\.\.\/api\/fleet\/v1alpha1\/index\.js"/);
  assert.match(test_, /from "\.\.\/\.\.\/test\/suite\.js"/);
  assert.match(readFileSync(join(dir, "main.ts"), "utf8"), /from "\.\/controllers\/fleet\/admiral_controller\.js"/);
  const project = readProjectFile(dir);
  assert.equal(project.multigroup, true);
  assert.deepEqual(
    project.resources.map((entry) => entry.path),
    ["api/ships/v1alpha1", "api/fleet/v1alpha1"],
  );
});

test("edit lists the APIs that stay in the old layout, for the user to move", () => {
  const dir = newProject("migrate");
  commitPlan(planCreateApi(api(dir, "ships", "Frigate")));
  const { misplaced } = planEdit({ dir, multigroup: true });
  assert.deepEqual(
    misplaced.map((entry) => `${entry.kind} ${entry.path}`),
    ["Frigate api/v1alpha1"],
  );
});
