import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { snapshotDir, temporaryDir } from "../test/scaffold/dir_snapshot.js";
import { commitPlan } from "./commit.js";
import { scaffoldDrift } from "./ownership.js";
import { planCreateApi, type CreateApiOptions } from "./plan_api.js";
import { planInit } from "./plan_init.js";
import { toolkitInfo } from "./toolkit.js";

let scratch: ReturnType<typeof temporaryDir>;
let count = 0;
before(() => (scratch = temporaryDir("plan-api")));
after(() => scratch.remove());

/** A freshly initialised project in its own folder. */
function newProject(): string {
  const dir = join(scratch.dir, `p${++count}`);
  commitPlan(planInit({ dir, domain: "container.training", projectName: "useless" }));
  return dir;
}

const machine = (dir: string, extra: Partial<CreateApiOptions> = {}): CreateApiOptions => ({
  dir,
  group: "useless",
  version: "v1alpha1",
  kind: "Machine",
  ...extra,
});

test("create api plans types, shared files once, a controller, inserts and the PROJECT entry", () => {
  const dir = newProject();
  const first = planCreateApi(machine(dir));
  assert.deepEqual(
    first.files.map((file) => `${file.action} ${file.path}`),
    [
      "create api/v1alpha1/groupversion_info.ts",
      "create api/v1alpha1/index.ts",
      "create api/v1alpha1/machine_types.ts",
      "create config/samples/useless_v1alpha1_machine.yaml",
      "create controllers/machine_controller.test.ts",
      "create controllers/machine_controller.ts",
      "update config/crd/kustomization.yaml",
      "update config/samples/kustomization.yaml",
      "update main.ts",
      "update PROJECT",
    ],
  );
  commitPlan(first);
  const second = planCreateApi(machine(dir, { kind: "Switch" }));
  const paths = second.files.map((file) => file.path);
  assert.ok(!paths.includes("api/v1alpha1/groupversion_info.ts"), "groupversion_info.ts is made once per version");
  assert.ok(paths.includes("api/v1alpha1/index.ts"), "the version's index gets the new kind's exports");
  const main = second.files.find((file) => file.path === "main.ts")?.content ?? "";
  assert.match(
    main,
    /import \{ MachineReconciler \} from "\.\/controllers\/machine_controller\.js";\nimport \{ SwitchReconciler \} from "\.\/controllers\/switch_controller\.js";\n\/\/ \+kubebuilder:scaffold:imports/,
  );
  assert.match(main, /new MachineReconciler[^\n]*\nnew SwitchReconciler[^\n]*\n\/\/ \+kubebuilder:scaffold:builder/);
});

test("an existing kind is refused without --force, and planning wrote nothing", () => {
  const dir = newProject();
  commitPlan(planCreateApi(machine(dir)));
  const before = snapshotDir(dir);
  assert.throws(() => planCreateApi(machine(dir)), {
    code: "already-exists",
    message:
      "kind Machine already exists in useless.container.training/v1alpha1 (PROJECT); pass --force to scaffold it again over its files",
  });
  assert.deepEqual(snapshotDir(dir), before);
  const forced = planCreateApi(machine(dir, { force: true }));
  assert.deepEqual(
    forced.files,
    [],
    "scaffolding the same kind again with --force and unchanged templates changes nothing",
  );
});

test("a controller can be added later to a kind that has only its resource", () => {
  const dir = newProject();
  commitPlan(planCreateApi(machine(dir, { controller: false })));
  assert.doesNotMatch(readFileSync(join(dir, "main.ts"), "utf8"), /MachineReconciler/);
  assert.match(readFileSync(join(dir, "PROJECT"), "utf8"), /kind: Machine/);
  commitPlan(planCreateApi(machine(dir, { resource: false })));
  assert.match(readFileSync(join(dir, "main.ts"), "utf8"), /new MachineReconciler/);
  assert.match(readFileSync(join(dir, "PROJECT"), "utf8"), /controller: true\n {2}domain/);
});

test("a plural used by another kind of the group version is refused", () => {
  const dir = newProject();
  commitPlan(planCreateApi(machine(dir)));
  assert.throws(() => planCreateApi(machine(dir, { kind: "Engine", plural: "machines" })), {
    code: "already-exists",
    message:
      'plural "machines" is already used by kind Machine in useless.container.training/v1alpha1; pass another --plural',
  });
});

test("a types file on disk that PROJECT does not know is refused, naming the file", () => {
  const dir = newProject();
  mkdirSync(join(dir, "api/v1alpha1"), { recursive: true });
  writeFileSync(join(dir, "api/v1alpha1/machine_types.ts"), "// mine\n");
  assert.throws(() => planCreateApi(machine(dir)), {
    code: "already-exists",
    message: /api\/v1alpha1\/machine_types\.ts already exists; pass --force/,
  });
});

test("a main.ts without its scaffold marker is an error naming the file", () => {
  const dir = newProject();
  writeFileSync(join(dir, "main.ts"), "// hand-written, markers removed\n");
  assert.throws(() => planCreateApi(machine(dir)), {
    code: "marker-missing",
    message: /main\.ts: no "\/\/ \+kubebuilder:scaffold:imports" marker/,
  });
});

test("cluster-scoped kinds say so in their types and PROJECT", () => {
  const dir = newProject();
  const plan = planCreateApi(machine(dir, { namespaced: false }));
  const types = plan.files.find((file) => file.path === "api/v1alpha1/machine_types.ts")?.content ?? "";
  assert.match(types, /\+kubebuilder:resource:scope=Cluster/);
  assert.match(types, /plural: "machines", namespaced: false \}/);
  assert.match(plan.files.find((file) => file.path === "PROJECT")?.content ?? "", /namespaced: false/);
});

test("--templates replaces the template folder", () => {
  const dir = newProject();
  const templates = join(scratch.dir, "templates");
  mkdirSync(join(templates, "init"), { recursive: true });
  mkdirSync(join(templates, "api/{{apiDir}}"), { recursive: true });
  writeFileSync(
    join(templates, "api/{{apiDir}}/{{kindLower}}_types.ts.hbs"),
    "// {{kind}} of {{apiVersion}}: {{plural}}\n",
  );
  writeFileSync(join(templates, "api/{{apiDir}}/index.ts.hbs"), "// +kubebuilder:scaffold:exports\n");
  const plan = planCreateApi(machine(dir, { controller: false, templatesDir: templates }));
  const types = plan.files.find((file) => file.path === "api/v1alpha1/machine_types.ts");
  assert.equal(types?.content, "// Machine of useless.container.training/v1alpha1: machines\n");
  assert.ok(
    !plan.files.some((file) => file.path === "api/v1alpha1/groupversion_info.ts"),
    "only the given templates are used",
  );
  assert.throws(() => planCreateApi(machine(dir, { templatesDir: join(scratch.dir, "nowhere") })), {
    code: "template-error",
    message: /no "api" template folder/,
  });
  assert.ok(toolkitInfo().templatesDir.endsWith("templates"));
});

test("drift: a scaffolded project matches its regenerated scaffold until a verbatim file is edited", () => {
  const dir = newProject();
  commitPlan(planCreateApi(machine(dir)));
  assert.deepEqual(scaffoldDrift({ projectDir: dir, scratchDir: join(scratch.dir, "drift1") }), {
    missing: [],
    differing: [],
  });
  writeFileSync(join(dir, "controllers/machine_controller.ts"), "// the user's own logic\n");
  writeFileSync(join(dir, "config/rbac/role_binding.yaml"), "# edited\n");
  writeFileSync(join(dir, "api/v1alpha1/machine_types.ts"), "// edited types\n");
  const drift = scaffoldDrift({ projectDir: dir, scratchDir: join(scratch.dir, "drift2") });
  assert.deepEqual(drift, { missing: [], differing: ["config/rbac/role_binding.yaml"] });
});
