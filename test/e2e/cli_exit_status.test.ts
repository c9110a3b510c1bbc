/**
 * The CLI as a real process: a refused command exits with status 1, says why on standard error,
 * prints nothing on standard output and changes no file. The in-process tests beside the commands
 * (cli/commands/generate.test.ts, test/scaffold/cli_refusals.test.ts) check every message; these
 * check that the process really ends that way.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { run } from "../../cli/main.js";
import { snapshotDir, temporaryDir } from "../scaffold/dir_snapshot.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const scratch = temporaryDir("cli-exit");
after(() => scratch.remove());

/** Runs this checkout's CLI in a node process. */
function uselessctlProcess(...args: string[]) {
  return spawnSync(process.execPath, ["--conditions=uselessctl-source", "--import", "tsx", "cli/main.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
  });
}

test("a refused create api exits the real process with status 1 and changes nothing", async () => {
  const project = join(scratch.dir, "useless");
  const quiet = { out: () => undefined, err: () => undefined };
  assert.equal(await run(["node", "uselessctl", "init", "--domain", "container.training", "--dir", project], quiet), 0);
  const before = snapshotDir(project);
  const flags = ["--group", "useless", "--version", "v1alpha1", "--kind", "bad_kind"];
  const result = uselessctlProcess("create", "api", "--dir", project, ...flags);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^uselessctl: --kind "bad_kind" must be PascalCase/);
  assert.deepEqual(snapshotDir(project), before);
});

test("generate manifests exits the real process with status 1 and says why when the project has no API types", () => {
  const project = join(scratch.dir, "no-api");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), "{}\n");
  const result = uselessctlProcess("generate", "manifests", "--dir", project);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^generate manifests: no API types found: expected TypeScript files in .*\n$/);
});
