/**
 * This repository eats its own cooking (issue #5): its PROJECT, api/, controllers/, config/ and
 * main.ts are what `init` + `create api` produce plus hand-written logic. The scaffold-owned
 * files are regenerated from the repository's PROJECT file and compared: verbatim files must be
 * identical, the others must exist. The repository's own package.json, tsconfig, Makefile,
 * README, Dockerfile and ignore files belong to the toolkit and are left out.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { scaffoldDrift } from "../../scaffold/index.js";
import { temporaryDir } from "./dir_snapshot.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Files init writes that, in this repository, are the toolkit's own. */
const TOOLKIT_FILES = new Set([
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "Makefile",
  "README.md",
  "Dockerfile",
  ".dockerignore",
  ".gitignore",
  "test/run.mjs",
]);

test(
  "the flagship's scaffold-owned files match what init + create api produce today",
  {
    skip: existsSync(join(root, "PROJECT"))
      ? false
      : "this repository has no PROJECT file yet (the lead wires the flagship)",
  },
  () => {
    const { dir, remove } = temporaryDir("flagship");
    try {
      const drift = scaffoldDrift({
        projectDir: root,
        scratchDir: join(dir, "scaffold"),
        ignore: (path) => TOOLKIT_FILES.has(path),
      });
      assert.deepEqual(
        drift,
        { missing: [], differing: [] },
        "regenerate with `uselessctl create api --force` or fix the templates",
      );
    } finally {
      remove();
    }
  },
);
