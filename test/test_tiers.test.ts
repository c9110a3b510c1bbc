/**
 * Test tiers go by what a test starts (scripts/test_tiers.mjs): this checks the rule on small
 * sources, then checks every test file of the repository against it, so a test that starts a
 * server or a process cannot sit in the unit tier beside the code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { findTestFiles, PROJECT_FOLDERS, TIER_FOLDERS, tierOf, whatItStarts } from "../scripts/test_tiers.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

test("what a test starts is read from its imports", () => {
  assert.equal(whatItStarts(`import { spawnSync } from "node:child_process";`), "process");
  assert.equal(whatItStarts(`import * as cp from "child_process";`), "process");
  assert.equal(whatItStarts(`import { startSupervisedProcess } from "./process.js";`), "process");
  assert.equal(whatItStarts(`import { startTestEnv, type TestEnv } from "uselessctl/testenv";`), "server");
  assert.equal(
    whatItStarts(`import {\n  eventually,\n  startRuntimeTestEnv as start,\n} from "../helpers/runtime_env.js";`),
    "server",
  );
  assert.equal(whatItStarts(`import { createServer } from "node:http";`), "server");
  assert.equal(
    whatItStarts(`import { test } from "node:test";\nimport { createManager } from "uselessctl";`),
    "nothing",
  );
  assert.equal(whatItStarts(`const doc = "The port to listen on; startTestEnv is documented elsewhere";`), "nothing");
});

test("the folder decides under test/integration, test/e2e and test/conformance; elsewhere what the file starts", () => {
  const spawns = `import { spawn } from "node:child_process";`;
  assert.equal(tierOf("test/integration/runtime_leader_election.test.ts", spawns), "integration");
  assert.equal(tierOf("test/e2e/operator_machine.test.ts", ""), "e2e");
  assert.equal(tierOf("test/conformance/cases.test.ts", ""), "conformance");
  assert.equal(tierOf("cli/commands/generate.test.ts", spawns), "e2e");
  assert.equal(tierOf("runtime/client/transport.test.ts", `import { createServer } from "node:http";`), "integration");
  assert.equal(tierOf("runtime/manager/manager.test.ts", `import { FakeClock } from "../clock.js";`), "unit");
});

test("every test outside test/integration, test/e2e, test/conformance and example projects is a unit test: it starts no server or process", () => {
  const files = findTestFiles(root).map((file) => file.split(sep).join("/"));
  assert.ok(files.length > 50, "test files were found: the layout moved, and this test with it");
  const outsideTierFolders = files.filter(
    (file) => ![...Object.keys(TIER_FOLDERS), ...PROJECT_FOLDERS].some((folder) => file.startsWith(folder)),
  );
  const misplaced = outsideTierFolders
    .map((file) => ({ file, tier: tierOf(file, readFileSync(join(root, file), "utf8")) }))
    .filter(({ tier }) => tier !== "unit")
    .map(({ file, tier }) => `${file} is an ${tier} test: move it to test/${tier}/`);
  assert.deepEqual(misplaced, []);
});

test("an example project's tests run in the tier of what they start: its controller suites are integration tests", () => {
  const files = findTestFiles(root)
    .map((file) => file.split(sep).join("/"))
    .filter((file) => file.startsWith("examples/cronjob/"));
  const tiers = Object.fromEntries(files.map((file) => [file, tierOf(file, readFileSync(join(root, file), "utf8"))]));
  assert.equal(tiers["examples/cronjob/controllers/cronjob_controller.test.ts"], "integration");
  assert.equal(tiers["examples/cronjob/controllers/cronjob_controller_binaries.test.ts"], "integration");
  assert.equal(tiers["examples/cronjob/controllers/cronjob_reconcile.test.ts"], "unit");
  assert.equal(tiers["examples/cronjob/controllers/schedule.test.ts"], "unit");
});
