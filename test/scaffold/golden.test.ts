/**
 * The golden project: init + create api Machine + Switch, regenerated into a temporary folder
 * and compared file by file with test/testdata/project/ (kubebuilder's testdata/project-v4).
 * `UPDATE_GOLDEN=1 npm test` rewrites the golden project; review the diff before committing.
 */
import assert from "node:assert/strict";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { regenerateScaffold } from "../../scaffold/index.js";
import { snapshotDir, temporaryDir } from "./dir_snapshot.js";
import { scaffoldUselessProject } from "./useless_project.js";

const golden = fileURLToPath(new URL("../testdata/project", import.meta.url));

test("init + create api Machine + Switch produce exactly the golden project", () => {
  const { dir, remove } = temporaryDir("golden");
  try {
    scaffoldUselessProject(dir);
    if (process.env["UPDATE_GOLDEN"]) {
      rmSync(golden, { recursive: true, force: true });
      cpSync(dir, golden, { recursive: true });
    }
    const produced = snapshotDir(dir);
    const expected = snapshotDir(golden);
    assert.deepEqual([...produced.keys()], [...expected.keys()], "the same files (UPDATE_GOLDEN=1 to refresh)");
    for (const [path, content] of produced)
      assert.equal(content, expected.get(path), `${path} differs (UPDATE_GOLDEN=1 to refresh)`);
  } finally {
    remove();
  }
});

test("replaying a project's PROJECT file regenerates its scaffold-owned files", () => {
  const { dir, remove } = temporaryDir("regenerate");
  try {
    const written = regenerateScaffold({ projectDir: golden, outputDir: join(dir, "again") });
    assert.deepEqual(snapshotDir(join(dir, "again")), snapshotDir(golden));
    assert.ok(written.includes("controllers/switch_controller.ts") && written.includes("PROJECT"));
  } finally {
    remove();
  }
});
