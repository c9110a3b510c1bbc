import assert from "node:assert/strict";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { snapshotDir, temporaryDir } from "../test/scaffold/dir_snapshot.js";
import { commitPlan } from "./commit.js";
import type { FilePlan } from "./plan.js";

function planFor(root: string): FilePlan {
  return {
    root,
    files: [
      { path: "a.txt", action: "create", content: "new a\n", previous: undefined },
      { path: "kept.txt", action: "update", content: "updated\n", previous: "original\n" },
      { path: "deep/er/b.txt", action: "create", content: "new b\n", previous: undefined },
    ],
  };
}

test("a commit writes every planned file, creating folders, and leaves no temporary file", () => {
  const { dir, remove } = temporaryDir("commit");
  try {
    writeFileSync(join(dir, "kept.txt"), "original\n");
    commitPlan(planFor(dir));
    assert.deepEqual(
      [...snapshotDir(dir)],
      [
        ["a.txt", "new a\n"],
        ["deep/", ""],
        ["deep/er/", ""],
        ["deep/er/b.txt", "new b\n"],
        ["kept.txt", "updated\n"],
      ],
    );
  } finally {
    remove();
  }
});

test("a write failing half-way rolls everything back: files restored, new files and folders removed", () => {
  const { dir, remove } = temporaryDir("commit-fail");
  try {
    writeFileSync(join(dir, "kept.txt"), "original\n");
    mkdirSync(join(dir, "other"));
    const before = snapshotDir(dir);
    let renames = 0;
    const failingRename = (from: string, to: string): void => {
      // a.txt placed, kept.txt moved aside and replaced, then the rename of deep/er/b.txt fails
      if (++renames === 4) throw new Error("disk full");
      renameSync(from, to);
    };
    assert.throws(() => commitPlan(planFor(dir), { fileSystem: { rename: failingRename } }), {
      code: "write-failed",
      message: /nothing was changed: disk full/,
    });
    assert.deepEqual(snapshotDir(dir), before);
    assert.equal(readFileSync(join(dir, "kept.txt"), "utf8"), "original\n");
  } finally {
    remove();
  }
});

test("a file changed between planning and committing is refused before any write", () => {
  const { dir, remove } = temporaryDir("commit-stale");
  try {
    writeFileSync(join(dir, "kept.txt"), "edited meanwhile\n");
    const before = snapshotDir(dir);
    assert.throws(() => commitPlan(planFor(dir)), {
      code: "write-failed",
      message: /kept\.txt changed after the command planned its writes/,
    });
    assert.deepEqual(snapshotDir(dir), before);
  } finally {
    remove();
  }
});
