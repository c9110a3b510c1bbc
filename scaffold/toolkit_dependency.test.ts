import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { temporaryDir } from "../test/scaffold/dir_snapshot.js";
import { uselessctlDependency } from "./toolkit_dependency.js";

/** A copy of uselessctl installed into `installRoot`/node_modules, npm's hidden lockfile saying where from. */
function installed(installRoot: string, resolved: string | undefined): { root: string; version: string } {
  const root = join(installRoot, "node_modules/uselessctl");
  mkdirSync(root, { recursive: true });
  const packages = resolved === undefined ? {} : { "node_modules/uselessctl": { version: "0.1.0", resolved } };
  writeFileSync(join(installRoot, "node_modules/.package-lock.json"), JSON.stringify({ packages }));
  return { root, version: "0.1.0" };
}

test("a checkout or linked folder is a file: dependency relative to the project", () => {
  assert.equal(
    uselessctlDependency({ root: "/src/uselessctl", version: "0.1.0" }, "/work/my-operator"),
    "file:../../src/uselessctl",
  );
});

test("a copy installed from a tarball (npx ./uselessctl-0.1.0.tgz) names the tarball", () => {
  const { dir, remove } = temporaryDir("toolkit-dependency");
  try {
    // npx installs into ~/.npm/_npx/<hash>/ and records the tarball relative to that folder
    const npx = join(dir, "npm/_npx/1234");
    const toolkit = installed(npx, "file:../../../uselessctl-0.1.0.tgz");
    assert.equal(uselessctlDependency(toolkit, join(dir, "my-operator")), "file:../uselessctl-0.1.0.tgz");
    assert.equal(uselessctlDependency(toolkit, dir), "file:./uselessctl-0.1.0.tgz");
  } finally {
    remove();
  }
});

test("a copy from the registry is ^<version>; one npm kept no record of is its own folder", () => {
  const { dir, remove } = temporaryDir("toolkit-dependency-registry");
  try {
    const fromRegistry = installed(join(dir, "a"), "https://registry.npmjs.org/uselessctl/-/uselessctl-0.1.0.tgz");
    assert.equal(uselessctlDependency(fromRegistry, join(dir, "p")), "^0.1.0");
    const fromGit = installed(join(dir, "b"), "git+ssh://git@example.com/uselessctl.git#abc");
    assert.equal(uselessctlDependency(fromGit, join(dir, "p")), "git+ssh://git@example.com/uselessctl.git#abc");
    const unknown = installed(join(dir, "c"), undefined);
    assert.equal(uselessctlDependency(unknown, join(dir, "p")), "file:../c/node_modules/uselessctl");
  } finally {
    remove();
  }
});
