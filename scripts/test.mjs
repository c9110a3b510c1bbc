#!/usr/bin/env node
// Runs every *.test.ts of the repository with node's test runner, sources loaded through tsx and
// the package's "uselessctl-source" condition (so `import "uselessctl"` means this checkout's
// sources, not a stale dist/). `--tier unit|integration|e2e|conformance` narrows the run.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { findTestFiles, tierOf } from "./test_tiers.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
/** A file's tier: by its folder under test/, elsewhere by what it starts (scripts/test_tiers.mjs). */
function tierOfFile(file) {
  return tierOf(file.split(sep).join("/"), readFileSync(join(root, file), "utf8"));
}

const args = process.argv.slice(2);
const tierIndex = args.indexOf("--tier");
const tier = tierIndex >= 0 ? args[tierIndex + 1] : undefined;
const files = findTestFiles(root)
  .filter((file) => !tier || tierOfFile(file) === tier)
  .sort();
if (files.length === 0) {
  console.error(`no test files found${tier ? ` for tier ${tier}` : ""}`);
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [
    "--conditions=uselessctl-source",
    "--import",
    "tsx",
    "--test",
    `--test-concurrency=${Math.max(2, availableParallelism())}`,
    ...files,
  ],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
