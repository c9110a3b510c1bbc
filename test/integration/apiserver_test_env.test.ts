import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ChildProcessDiedError } from "../../apiserver/binaries/process.js";
import { MissingBinaryError } from "../../apiserver/binaries/assets.js";
import { startTestEnv } from "../../apiserver/test_env.js";

// Test files run in parallel processes and other suites start real test environments: give this
// file a temporary root of its own, so that "nothing left behind" sees only what it started.
const privateTmp = mkdtempSync(join(tmpdir(), "uselessctl-test-env-test-"));
process.env.TMPDIR = privateTmp;
after(() => rmSync(privateTmp, { recursive: true, force: true }));
const assetsDir = mkdtempSync(join(tmpdir(), "uselessctl-fake-assets-"));

function fakeBinary(name: string, script: string): void {
  writeFileSync(join(assetsDir, name), `#!/bin/sh\n${script}\n`);
  chmodSync(join(assetsDir, name), 0o755);
}

const testEnvFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith("uselessctl-testenv-")));

test("a missing binary rejects with MissingBinaryError and leaves no temporary folder", async () => {
  const before = testEnvFolders();
  await assert.rejects(
    startTestEnv({
      controlPlane: "binaries",
      binaryAssetsDirectory: join(assetsDir, "nothing-here"),
      useExistingCluster: false,
    }),
    (error: unknown) => error instanceof MissingBinaryError && error.binary === "etcd",
  );
  assert.deepEqual(testEnvFolders(), before);
});

test("a child that dies during start rejects with its last output, and nothing is left behind", async () => {
  fakeBinary("etcd", 'echo "etcd: listen tcp: address already in use: $2" >&2; exit 1');
  fakeBinary("kube-apiserver", "exit 1");
  fakeBinary("kube-controller-manager", "exit 1");
  const before = testEnvFolders();
  await assert.rejects(
    startTestEnv({ controlPlane: "binaries", binaryAssetsDirectory: assetsDir, useExistingCluster: false }),
    (error: unknown) => {
      assert.ok(error instanceof ChildProcessDiedError);
      assert.equal(error.processName, "etcd");
      assert.match(error.message, /etcd died during start \(exit code 1\)/);
      assert.match(error.message, /address already in use/);
      return true;
    },
  );
  assert.deepEqual(testEnvFolders(), before);
});

test("an unknown controlPlane is rejected before anything starts", async () => {
  await assert.rejects(
    startTestEnv({ controlPlane: "docker" as never, useExistingCluster: false }),
    /controlPlane: "docker": expected "embedded" or "binaries"/,
  );
});
