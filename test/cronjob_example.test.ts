/**
 * examples/cronjob, the kubebuilder book's CronJob tutorial as a uselessctl project: its committed
 * config/ is what `make manifests` (`uselessctl generate manifests`) makes of its api/ and
 * controllers/ today, with the book's RBAC. (Its CRD is compared with controller-gen's in
 * test/crdgen-conformance/cronjob_example.test.ts; its own tests sit in examples/cronjob.)
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { planManifests } from "../scaffold/index.js";
import { formatReport } from "../cli/report.js";

const example = fileURLToPath(new URL("../examples/cronjob", import.meta.url));
const planned = await planManifests({ dir: example });

test("examples/cronjob generates without errors, and its committed config/ is up to date", () => {
  const errors = planned.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  assert.deepEqual(errors, [], formatReport(planned.diagnostics, { color: false, cwd: example, rootDir: example }));
  assert.deepEqual(
    planned.plan.files.map((file) => file.path),
    [],
    "examples/cronjob/config is out of date: run `make manifests` in examples/cronjob and commit it",
  );
  assert.deepEqual([...planned.unchanged].sort(), [
    "config/crd/bases/batch.tutorial.kubebuilder.io_cronjobs.yaml",
    "config/rbac/role.yaml",
  ]);
});

test("the manager may do what the book's controller does: CronJobs and their status, and Jobs", () => {
  const role = yaml.load(readFileSync(join(example, "config/rbac/role.yaml"), "utf8")) as {
    rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  };
  const verbs = (group: string, resource: string) =>
    role.rules.find((rule) => rule.apiGroups.includes(group) && rule.resources.includes(resource))?.verbs;
  const all = ["create", "delete", "get", "list", "patch", "update", "watch"];
  assert.deepEqual(verbs("batch", "jobs"), all);
  assert.deepEqual(verbs("batch", "jobs/status"), ["get"]);
  assert.deepEqual(verbs("batch.tutorial.kubebuilder.io", "cronjobs"), all);
  assert.deepEqual(verbs("batch.tutorial.kubebuilder.io", "cronjobs/status"), ["get", "patch", "update"]);
});
