/**
 * This repository eats its own cooking (issue #5): its PROJECT, api/, controllers/, config/,
 * main.ts, Makefile and Dockerfile are what `init` + `create api` produce plus hand-written logic.
 * The scaffold is regenerated from the repository's PROJECT file and compared: verbatim files must
 * be identical, the others must exist, and the Makefile must offer every target the scaffold's
 * does (issue 12: it lacked docker-build, deploy, undeploy and help).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { regenerateScaffold, scaffoldDrift } from "../../scaffold/index.js";
import { temporaryDir } from "./dir_snapshot.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Files init writes that this repository replaces: its test runner is scripts/test.mjs. */
const REPLACED_FILES = new Set(["test/run.mjs"]);

const hasProject = existsSync(join(root, "PROJECT"));
const skip = hasProject ? false : "this repository has no PROJECT file yet (the lead wires the flagship)";

/** The targets a Makefile declares (`name:` at the start of a line, variables and specials left out). */
function makeTargets(makefile: string): string[] {
  return [...makefile.matchAll(/^([a-zA-Z0-9_-]+):(?!=)/gm)].map((match) => match[1] ?? "").sort();
}

test("the flagship's scaffold-owned files match what init + create api produce today", { skip }, () => {
  const { dir, remove } = temporaryDir("flagship");
  try {
    const drift = scaffoldDrift({
      projectDir: root,
      scratchDir: join(dir, "scaffold"),
      ignore: (path) => REPLACED_FILES.has(path),
    });
    assert.deepEqual(
      drift,
      { missing: [], differing: [] },
      "regenerate with `uselessctl create api --force` or fix the templates",
    );
  } finally {
    remove();
  }
});

test("the flagship's Makefile has every target of the scaffold's Makefile", { skip }, () => {
  const { dir, remove } = temporaryDir("flagship-make");
  try {
    regenerateScaffold({ projectDir: root, outputDir: dir });
    const scaffolded = makeTargets(readFileSync(join(dir, "Makefile"), "utf8"));
    const flagship = new Set(makeTargets(readFileSync(join(root, "Makefile"), "utf8")));
    assert.ok(scaffolded.includes("docker-build") && scaffolded.includes("help"), `read: ${scaffolded.join(" ")}`);
    assert.deepEqual(
      scaffolded.filter((target) => !flagship.has(target)),
      [],
      "targets of templates/init/Makefile.hbs missing from the repository's Makefile",
    );
  } finally {
    remove();
  }
});
