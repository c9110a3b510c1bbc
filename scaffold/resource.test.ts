import assert from "node:assert/strict";
import { test } from "node:test";
import { ScaffoldError } from "./errors.js";
import { resourceModel, validateProjectInput, type ResourceInput } from "./resource.js";

const machine: ResourceInput = {
  group: "useless",
  version: "v1alpha1",
  kind: "Machine",
  domain: "container.training",
  namespaced: true,
};

test("the model computes every derived name once", () => {
  assert.deepEqual(resourceModel(machine), {
    group: "useless",
    version: "v1alpha1",
    kind: "Machine",
    domain: "container.training",
    namespaced: true,
    scope: "Namespaced",
    groupFqdn: "useless.container.training",
    apiVersion: "useless.container.training/v1alpha1",
    kindLower: "machine",
    plural: "machines",
    reconcilerName: "MachineReconciler",
    controllerName: "machine",
    sampleName: "machine-sample",
    sampleFile: "useless_v1alpha1_machine.yaml",
    crdFile: "bases/useless.container.training_machines.yaml",
    apiDir: "api/v1alpha1",
    controllerDir: "controllers",
    suiteImportFromControllers: "../test/suite.js",
    controllerImportFromRoot: "./controllers/machine_controller.js",
    apiImportFromControllers: "../api/v1alpha1/index.js",
    typesImportFromVersion: "./machine_types.js",
  });
});

test("a multi-group project puts each group in its own folder, as kubebuilder's multigroup layout", () => {
  const model = resourceModel({ ...machine, multigroup: true });
  assert.equal(model.apiDir, "api/useless/v1alpha1");
  assert.equal(model.controllerDir, "controllers/useless");
  assert.equal(model.controllerImportFromRoot, "./controllers/useless/machine_controller.js");
  assert.equal(model.apiImportFromControllers, "../../api/useless/v1alpha1/index.js");
  assert.equal(model.suiteImportFromControllers, "../../test/suite.js");
});

test("--plural overrides the computed plural and cluster scope shows in the model", () => {
  const model = resourceModel({ ...machine, kind: "Switch", plural: "toggles", namespaced: false });
  assert.equal(model.plural, "toggles");
  assert.equal(model.scope, "Cluster");
  assert.equal(model.crdFile, "bases/useless.container.training_toggles.yaml");
});

test("versions follow v<N>[alpha<N>|beta<N>]", () => {
  for (const version of ["v1", "v2", "v1alpha1", "v2beta3", "v10alpha12"]) resourceModel({ ...machine, version });
  for (const version of ["1", "V1", "v0", "v1alpha", "v1gamma1", "v1-alpha1", "v1beta0", ""]) {
    assert.throws(
      () => resourceModel({ ...machine, version }),
      { code: "invalid-input", subject: `--version "${version}"` },
      version,
    );
  }
});

test("kinds must be PascalCase and DNS-1035 labels when lower-cased", () => {
  for (const kind of ["Machine", "CronJob", "V2Thing"]) resourceModel({ ...machine, kind });
  for (const kind of ["machine", "Machine-Set", "Machine_Set", "9Lives", "", "Ma chine", `M${"a".repeat(63)}`]) {
    assert.throws(
      () => resourceModel({ ...machine, kind }),
      { code: "invalid-input", subject: `--kind "${kind}"` },
      kind,
    );
  }
});

test("groups must be DNS-1123 subdomains, also once joined with the domain", () => {
  for (const group of ["useless", "my-group", "a.b"]) resourceModel({ ...machine, group });
  for (const group of ["Useless", "use_less", "-useless", "useless.", ""]) {
    assert.throws(() => resourceModel({ ...machine, group }), { code: "invalid-input" }, group);
  }
  assert.throws(
    () =>
      resourceModel({
        ...machine,
        group: "g".repeat(60),
        domain: `${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.${"h".repeat(20)}`,
      }),
    {
      message: /at most 253 characters/,
    },
  );
});

test("every problem of one input is reported at once", () => {
  try {
    resourceModel({ ...machine, group: "Bad_Group", version: "one", kind: "lower" });
    assert.fail("expected a ScaffoldError");
  } catch (error) {
    assert.ok(error instanceof ScaffoldError);
    assert.equal(error.message.split("\n").length, 3);
    assert.match(error.message, /--group "Bad_Group" must be a DNS-1123 subdomain/);
    assert.match(error.message, /--version "one" must be "v" and a number/);
    assert.match(error.message, /--kind "lower" must be PascalCase/);
  }
});

test("domain and project name are checked for init", () => {
  validateProjectInput({ domain: "container.training", projectName: "useless" });
  assert.throws(() => validateProjectInput({ domain: "Container.Training", projectName: "useless" }), {
    subject: '--domain "Container.Training"',
  });
  assert.throws(() => validateProjectInput({ domain: "example.com", projectName: "My_Project" }), {
    message: /--project-name "My_Project" must be a DNS-1123 label/,
  });
});
