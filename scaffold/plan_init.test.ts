import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { temporaryDir } from "../test/scaffold/dir_snapshot.js";
import { planInit } from "./plan_init.js";
import { parseProjectFile } from "./project_file.js";

test("init plans a complete project, the project name defaulting to the folder's", () => {
  const { dir, remove } = temporaryDir("plan-init");
  try {
    const root = join(dir, "my-operator");
    const plan = planInit({ dir: root, domain: "example.com" });
    const paths = plan.files.map((file) => file.path);
    for (const expected of [
      "package.json",
      "tsconfig.json",
      "Makefile",
      "main.ts",
      "Dockerfile",
      ".gitignore",
      "README.md",
      "PROJECT",
      "config/crd/kustomization.yaml",
      "config/rbac/service_account.yaml",
      "config/rbac/role_binding.yaml",
      "config/rbac/leader_election_role.yaml",
      "config/rbac/leader_election_role_binding.yaml",
      "config/manager/manager.yaml",
      "config/default/kustomization.yaml",
      "config/samples/kustomization.yaml",
      "test/suite.ts",
    ]) {
      assert.ok(paths.includes(expected), expected);
    }
    assert.ok(plan.files.every((file) => file.action === "create"));
    const project = parseProjectFile(plan.files.find((file) => file.path === "PROJECT")?.content ?? "");
    assert.equal(project.projectName, "my-operator");
    const kustomization = plan.files.find((file) => file.path === "config/default/kustomization.yaml")?.content ?? "";
    assert.match(kustomization, /namespace: my-operator-system\nnamePrefix: my-operator-\n/);
    assert.match(
      plan.files.find((file) => file.path === "Makefile")?.content ?? "",
      /apply --server-side -k config\/crd/,
    );
  } finally {
    remove();
  }
});

test("init refuses a non-empty folder unless forced, and a folder name that is no project name", () => {
  const { dir, remove } = temporaryDir("plan-init-busy");
  try {
    writeFileSync(join(dir, "notes.txt"), "mine\n");
    mkdirSync(join(dir, ".git"));
    assert.throws(() => planInit({ dir, domain: "example.com", projectName: "demo" }), {
      code: "directory-not-empty",
      message: `${dir} is not empty (notes.txt); init scaffolds into an empty folder: pick another --dir or pass --force to overwrite`,
    });
    const forced = planInit({ dir, domain: "example.com", projectName: "demo", force: true });
    assert.ok(
      !forced.files.some((file) => file.path === "notes.txt"),
      "--force leaves files the templates do not produce alone",
    );
    assert.throws(() => planInit({ dir: join(dir, "Bad_Name"), domain: "example.com" }), {
      message: /--project-name "Bad_Name" must be a DNS-1123 label/,
    });
  } finally {
    remove();
  }
});
