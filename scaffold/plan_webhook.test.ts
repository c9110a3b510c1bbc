import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import yaml from "js-yaml";
import { snapshotDir, temporaryDir } from "../test/scaffold/dir_snapshot.js";
import { commitPlan } from "./commit.js";
import { planCreateApi } from "./plan_api.js";
import { planInit } from "./plan_init.js";
import { planCreateWebhook, type CreateWebhookOptions } from "./plan_webhook.js";
import { readProjectFile } from "./project_file.js";

let scratch: ReturnType<typeof temporaryDir>;
let count = 0;
before(() => (scratch = temporaryDir("plan-webhook")));
after(() => scratch.remove());

/** A project with Machine (v1alpha1, with controller) and Switch (v1alpha1, types only). */
function newProject(): string {
  const dir = join(scratch.dir, `p${++count}`);
  commitPlan(planInit({ dir, domain: "container.training", projectName: "useless" }));
  commitPlan(planCreateApi({ dir, group: "useless", version: "v1alpha1", kind: "Machine" }));
  commitPlan(planCreateApi({ dir, group: "useless", version: "v1alpha1", kind: "Switch", controller: false }));
  return dir;
}

const machine = (dir: string, extra: Partial<CreateWebhookOptions> = {}): CreateWebhookOptions => ({
  dir,
  group: "useless",
  version: "v1alpha1",
  kind: "Machine",
  ...extra,
});

const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");

test("create webhook plans the webhook file, its test, the kustomize folders, the inserts and the PROJECT entry", () => {
  const dir = newProject();
  const plan = planCreateWebhook(machine(dir, { defaulting: true, validation: true }));
  assert.deepEqual(
    plan.files.map((file) => `${file.action} ${file.path}`),
    [
      "create config/certmanager/certificate-webhook.yaml",
      "create config/certmanager/issuer.yaml",
      "create config/certmanager/kustomization.yaml",
      "create config/certmanager/kustomizeconfig.yaml",
      "create config/default/manager_webhook_patch.yaml",
      "create config/webhook/kustomization.yaml",
      "create config/webhook/service.yaml",
      "create webhooks/v1alpha1/machine_webhook.test.ts",
      "create webhooks/v1alpha1/machine_webhook.ts",
      "update config/default/kustomization.yaml",
      "update main.ts",
      "update PROJECT",
    ],
  );
  commitPlan(plan);
  const webhook = read(dir, "webhooks/v1alpha1/machine_webhook.ts");
  assert.match(webhook, /export class MachineCustomDefaulter implements CustomDefaulter<Machine>/);
  assert.match(webhook, /export class MachineCustomValidator implements CustomValidator<Machine>/);
  assert.match(webhook, /from "\.\.\/\.\.\/api\/v1alpha1\/index\.js"/);
  assert.match(
    read(dir, "main.ts"),
    /import \* as machineV1alpha1Webhook from "\.\/webhooks\/v1alpha1\/machine_webhook\.js";\n[^]*if \(process\.env\["ENABLE_WEBHOOKS"\] !== "false"\) machineV1alpha1Webhook\.setupMachineWebhookWithManager\(mgr\);\n\/\/ \+kubebuilder:scaffold:builder/,
  );
  const entry = readProjectFile(dir).resources.find((resource) => resource.kind === "Machine");
  assert.deepEqual(entry?.webhooks, {
    defaulting: true,
    validation: true,
    conversion: undefined,
    webhookVersion: "v1",
  });
  assert.match(
    read(dir, "PROJECT"),
    / {2}webhooks:\n {4}defaulting: true\n {4}validation: true\n {4}webhookVersion: v1\n/,
  );

  const kustomization = yaml.load(read(dir, "config/default/kustomization.yaml")) as Record<string, unknown[]>;
  assert.deepEqual(kustomization["resources"], ["../crd", "../rbac", "../manager", "../webhook", "../certmanager"]);
  assert.deepEqual(kustomization["patches"], [{ path: "manager_webhook_patch.yaml", target: { kind: "Deployment" } }]);
  const targets = (kustomization["replacements"] as { targets: { select: { kind: string } }[] }[]).map(
    (replacement) => replacement.targets[0]?.select.kind,
  );
  assert.deepEqual(targets, [
    "Certificate",
    "Certificate",
    "ValidatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
  ]);
});

test("a second kind's webhook adds only what the kustomization lacks", () => {
  const dir = newProject();
  commitPlan(planCreateWebhook(machine(dir, { validation: true })));
  const plan = planCreateWebhook(machine(dir, { kind: "Switch", defaulting: true }));
  assert.ok(
    !plan.files.some((file) => file.path.startsWith("config/webhook/") || file.path.startsWith("config/certmanager/")),
    "the kustomize folders are made once",
  );
  commitPlan(plan);
  const kustomization = yaml.load(read(dir, "config/default/kustomization.yaml")) as Record<string, unknown[]>;
  assert.equal(kustomization["resources"]?.length, 5);
  assert.equal(kustomization["patches"]?.length, 1);
  assert.equal(kustomization["replacements"]?.length, 6, "the Mutating pair joins the service and Validating pairs");
});

test("refusals: no such kind, no webhook asked for, a webhook that exists; a refused command writes nothing", () => {
  const dir = newProject();
  const before = snapshotDir(dir);
  assert.throws(() => planCreateWebhook(machine(dir, { kind: "Lever", defaulting: true })), {
    code: "invalid-input",
    message:
      "no API found for useless.container.training/v1alpha1, Kind Lever in PROJECT: run `uselessctl create api` first",
  });
  assert.throws(() => planCreateWebhook(machine(dir, { version: "v1", defaulting: true })), { code: "invalid-input" });
  assert.throws(() => planCreateWebhook(machine(dir)), {
    code: "invalid-input",
    message: "create webhook requires at least one of --defaulting, --programmatic-validation and --conversion",
  });
  assert.throws(() => planCreateWebhook(machine(dir, { kind: "machine", defaulting: true })), /--kind "machine"/);
  assert.deepEqual(snapshotDir(dir), before);

  commitPlan(planCreateWebhook(machine(dir, { validation: true })));
  const scaffolded = snapshotDir(dir);
  assert.throws(() => planCreateWebhook(machine(dir, { validation: true })), {
    code: "already-exists",
    message:
      "validation webhook already exists for this resource (PROJECT); pass --force to scaffold its webhook file again",
  });
  assert.throws(() => planCreateWebhook(machine(dir, { defaulting: true })), {
    code: "already-exists",
    subject: "--force",
  });
  assert.deepEqual(snapshotDir(dir), scaffolded);
});

test("--force scaffolds the webhook file again with every webhook the kind has", () => {
  const dir = newProject();
  commitPlan(planCreateWebhook(machine(dir, { validation: true })));
  writeFileSync(join(dir, "webhooks/v1alpha1/machine_webhook.ts"), "// edited\n");
  const plan = planCreateWebhook(machine(dir, { defaulting: true, force: true }));
  const webhook = plan.files.find((file) => file.path === "webhooks/v1alpha1/machine_webhook.ts");
  assert.equal(webhook?.action, "overwrite");
  assert.match(webhook?.content ?? "", /MachineCustomDefaulter[^]*MachineCustomValidator/);
  commitPlan(plan);
  assert.deepEqual(readProjectFile(dir).resources[0]?.webhooks, {
    defaulting: true,
    validation: true,
    conversion: undefined,
    webhookVersion: "v1",
  });
});

test("--conversion marks the hub's storage version and patches its CRD, and writes no webhook code", () => {
  const dir = newProject();
  const plan = planCreateWebhook(machine(dir, { conversion: true }));
  assert.deepEqual(
    plan.files.map((file) => `${file.action} ${file.path}`).filter((line) => !line.includes("config/certmanager/")),
    [
      "create config/crd/kustomizeconfig.yaml",
      "create config/crd/patches/webhook_in_machines.yaml",
      "create config/default/manager_webhook_patch.yaml",
      "create config/webhook/kustomization.yaml",
      "create config/webhook/service.yaml",
      "update config/default/kustomization.yaml",
      "update config/crd/kustomization.yaml",
      "update api/v1alpha1/machine_types.ts",
      "update PROJECT",
    ],
  );
  commitPlan(plan);
  assert.match(
    read(dir, "api/v1alpha1/machine_types.ts"),
    / \* \+kubebuilder:object:root=true\n \* \+kubebuilder:storageversion\n[^]*export interface Machine /,
  );
  const crd = yaml.load(read(dir, "config/crd/kustomization.yaml")) as Record<string, unknown>;
  assert.deepEqual(crd["patches"], [{ path: "patches/webhook_in_machines.yaml" }]);
  assert.deepEqual(crd["configurations"], ["kustomizeconfig.yaml"]);
  const kustomization = yaml.load(read(dir, "config/default/kustomization.yaml")) as Record<string, unknown[]>;
  const crdTargets = (kustomization["replacements"] as { targets: { select: { kind: string; name?: string } }[] }[])
    .flatMap((replacement) => replacement.targets.map((target) => target.select))
    .filter((select) => select.kind === "CustomResourceDefinition");
  assert.deepEqual(
    crdTargets.map((select) => select.name),
    ["machines.useless.container.training", "machines.useless.container.training"],
  );
});

test("a kubebuilder-shaped PROJECT entry with webhooks is read back, false flags left out when written", () => {
  const dir = newProject();
  commitPlan(planCreateWebhook(machine(dir, { defaulting: true })));
  assert.doesNotMatch(read(dir, "PROJECT"), /validation: false|conversion/);
  assert.deepEqual(readProjectFile(dir).resources[0]?.webhooks?.defaulting, true);
});

test("the webhook file's markers are kubebuilder's, as the crdgen conformance fixture webhook/kubebuilder_scaffold compares with controller-gen", () => {
  const dir = join(scratch.dir, `p${++count}`);
  commitPlan(planInit({ dir, domain: "example.com", projectName: "fleet" }));
  commitPlan(planCreateApi({ dir, group: "ships", version: "v1", kind: "Frigate" }));
  const plan = planCreateWebhook({
    dir,
    group: "ships",
    version: "v1",
    kind: "Frigate",
    defaulting: true,
    validation: true,
  });
  const markers = (text: string) =>
    text
      .split("\n")
      .map((line) => /\+kubebuilder:webhook:.*$/.exec(line)?.[0])
      .filter((marker) => marker !== undefined);
  const scaffolded = markers(plan.files.find((file) => file.path === "webhooks/v1/frigate_webhook.ts")?.content ?? "");
  const fixture = new URL(
    "../test/crdgen-conformance/testdata/webhook/kubebuilder_scaffold/webhooks/",
    import.meta.url,
  );
  assert.equal(scaffolded.length, 2);
  assert.deepEqual(scaffolded, markers(readFileSync(new URL("frigate_webhook.go", fixture), "utf8")));
  assert.deepEqual(scaffolded, markers(readFileSync(new URL("frigate_webhook.ts", fixture), "utf8")));
});
