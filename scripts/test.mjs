#!/usr/bin/env node
// Runs every *.test.ts of the repository with node's test runner, sources loaded through tsx and
// the package's "uselessctl-source" condition (so `import "uselessctl"` means this checkout's
// sources, not a stale dist/). `--tier unit|integration|e2e|conformance` narrows the run.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";

const root = fileURLToPath(new URL("..", import.meta.url));
const skipped = new Set(["node_modules", "dist", ".git", ".uselessctl", "testdata", "templates"]);

function findTests(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findTests(path, found);
    else if (entry.name.endsWith(".test.ts")) found.push(relative(root, path));
  }
  return found;
}

/** Tests under test/<tier>/ are that tier; test/scaffold/ drives the CLI in processes, as integration tests do. */
function tierOf(file) {
  const parts = file.split(sep);
  if (parts[0] !== "test") return "unit";
  if (["integration", "e2e", "conformance"].includes(parts[1])) return parts[1];
  if (parts[1] === "scaffold") return "integration";
  // controller-gen against crdgen: a reference suite, like the API server's
  if (parts[1] === "crdgen-conformance") return "conformance";
  return "unit";
}

const args = process.argv.slice(2);
const tierIndex = args.indexOf("--tier");
const tier = tierIndex >= 0 ? args[tierIndex + 1] : undefined;
const files = findTests(root)
  .filter((file) => !tier || tierOf(file) === tier)
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
