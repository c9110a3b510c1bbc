import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { temporaryDir } from "../test/scaffold/dir_snapshot.js";
import { commitPlan } from "./commit.js";
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
      message: `${dir} is not empty (notes.txt); init scaffolds into an empty folder, or one holding only what \`npm install\` leaves (package.json, package-lock.json, node_modules/): move it elsewhere, pick another --dir, or pass --force to scaffold beside it (overwriting the files the scaffold writes)`,
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

test("init merges into a folder where npm install ran, keeping the uselessctl dependency it installed", () => {
  const { dir, remove } = temporaryDir("plan-init-npm");
  try {
    mkdirSync(join(dir, "node_modules/uselessctl"), { recursive: true });
    writeFileSync(join(dir, "package-lock.json"), "{}\n");
    const npmInit = {
      name: "demo",
      version: "1.0.0",
      main: "index.js",
      scripts: { test: 'echo "Error: no test specified" && exit 1' },
      license: "ISC",
      type: "commonjs",
      dependencies: { uselessctl: "file:../uselessctl-0.1.0.tgz", zod: "^3.0.0" },
      devDependencies: { typescript: "~5.8.0" },
    };
    writeFileSync(join(dir, "package.json"), JSON.stringify(npmInit));
    const plan = planInit({ dir, domain: "example.com", projectName: "demo" });
    assert.deepEqual(
      plan.files.filter((file) => file.action !== "create").map((file) => `${file.action} ${file.path}`),
      ["update package.json"],
    );
    commitPlan(plan);
    const merged = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    assert.equal(merged["type"], "module", "the scaffold's module type");
    assert.equal(merged["license"], "ISC", "fields the scaffold does not write stay");
    assert.deepEqual(merged["dependencies"], { uselessctl: "file:../uselessctl-0.1.0.tgz", zod: "^3.0.0" });
    assert.equal((merged["devDependencies"] as Record<string, string>)["typescript"], "~5.8.0", "the user's pin stays");
    assert.equal((merged["scripts"] as Record<string, string>)["test"], "node test/run.mjs", "npm's placeholder goes");

    // --force scaffolds again over it and still keeps the dependency
    const again = planInit({ dir, domain: "example.com", projectName: "demo", force: true });
    assert.ok(!again.files.some((file) => file.path === "package.json"), "package.json is already as init makes it");
  } finally {
    remove();
  }
});

test("init refuses a package.json whose script the scaffold would replace, or that is not JSON", () => {
  const { dir, remove } = temporaryDir("plan-init-scripts");
  try {
    const path = join(dir, "package.json");
    writeFileSync(path, JSON.stringify({ name: "demo", scripts: { build: "webpack" } }));
    assert.throws(() => planInit({ dir, domain: "example.com", projectName: "demo" }), {
      code: "already-exists",
      message: `${path}: scripts.build is "webpack", the scaffold's is "tsc -p tsconfig.build.json"; remove or rename yours, or pass --force to replace it`,
    });
    const forced = planInit({ dir, domain: "example.com", projectName: "demo", force: true });
    assert.match(forced.files.find((file) => file.path === "package.json")?.content ?? "", /"build": "tsc -p/);
    writeFileSync(path, "{ not json");
    assert.throws(() => planInit({ dir, domain: "example.com", projectName: "demo" }), {
      message: new RegExp(`^${path}: not valid JSON`),
    });
  } finally {
    remove();
  }
});
