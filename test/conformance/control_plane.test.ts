/**
 * startTestEnv({ controlPlane: "binaries" }) on the real etcd, kube-apiserver and
 * kube-controller-manager: start time, garbage collection, namespace deletion, and no orphan
 * process or folder after stop(), SIGTERM or even SIGKILL of the process that started it.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { CoreV1Api } from "@kubernetes/client-node";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";
import { eventually } from "../helpers/eventually.js";
import { isRunning } from "../helpers/processes.js";
import { CONFORMANCE_CRD_DIRECTORY, referenceUnavailableReason } from "./harness/targets.js";

const unavailable = referenceUnavailableReason();

function childPids(env: TestEnv): number[] {
  const pidFile = join(dirname(env.kubeconfigPath), "pids");
  return readFileSync(pidFile, "utf8").split("\n").filter(Boolean).map(Number);
}

const notFound = (error: unknown) => (error as { code?: number }).code === 404;

describe("startTestEnv on the real control plane", { skip: unavailable }, () => {
  let env: TestEnv;
  let startMs = 0;
  before(async () => {
    const startedAt = Date.now();
    env = await startTestEnv({
      controlPlane: "binaries",
      crdDirectoryPaths: [CONFORMANCE_CRD_DIRECTORY],
      useExistingCluster: false,
    });
    startMs = Date.now() - startedAt;
  });
  after(() => env?.stop());

  test("starts in under 15 s with the CRDs Established", () => {
    assert.ok(startMs < 15_000, `started in ${startMs} ms`);
    assert.equal(env.controlPlane, "binaries");
  });

  test("deleting an owner collects its dependents (kube-controller-manager's garbage collector)", async () => {
    const core = env.kubeConfig.makeApiClient(CoreV1Api);
    const owner = await core.createNamespacedConfigMap({
      namespace: "default",
      body: { metadata: { name: "gc-owner" } },
    });
    const ownerReferences = [{ apiVersion: "v1", kind: "ConfigMap", name: "gc-owner", uid: owner.metadata?.uid ?? "" }];
    // Built-in kinds: the garbage collector watches them from its start, whereas it discovers a
    // CRD's kind only at its next 30 s discovery resync (the conformance cases cover that).
    await core.createNamespacedConfigMap({
      namespace: "default",
      body: { metadata: { name: "gc-dependent", ownerReferences } },
    });
    await core.createNamespacedSecret({
      namespace: "default",
      body: { metadata: { name: "gc-secret", ownerReferences } },
    });
    await core.deleteNamespacedConfigMap({ namespace: "default", name: "gc-owner" });
    await eventually("both dependents to be collected", async () => {
      const gone = await Promise.all([
        core.readNamespacedConfigMap({ namespace: "default", name: "gc-dependent" }).then(() => false, notFound),
        core.readNamespacedSecret({ namespace: "default", name: "gc-secret" }).then(() => false, notFound),
      ]);
      return gone.every(Boolean);
    });
  });

  test("deleting a namespace removes its contents and then the namespace", async () => {
    const core = env.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: "doomed" } } });
    await core.createNamespacedConfigMap({ namespace: "doomed", body: { metadata: { name: "content" } } });
    await core.deleteNamespace({ name: "doomed" });
    await eventually("the namespace to be gone", () =>
      core.readNamespace({ name: "doomed" }).then(() => false, notFound),
    );
    await assert.rejects(core.readNamespacedConfigMap({ namespace: "doomed", name: "content" }), notFound);
  });
});

describe("no orphans", { skip: unavailable }, () => {
  test("stop() ends every child process and removes the temporary folder", async () => {
    const env = await startTestEnv({ controlPlane: "binaries", useExistingCluster: false });
    const pids = childPids(env);
    const temporary = dirname(env.kubeconfigPath);
    assert.equal(pids.length, 3, "etcd, kube-apiserver, kube-controller-manager");
    assert.ok(pids.every(isRunning));
    await env.stop();
    await env.stop();
    assert.deepEqual(pids.filter(isRunning), []);
    assert.equal(existsSync(temporary), false);
  });

  // SIGTERM takes the same path as SIGINT (one handler); SIGKILL is left to the watchdog.
  for (const signal of ["SIGINT", "SIGKILL"] as const) {
    test(`${signal} to the starting process leaves no child process and no folder`, async () => {
      const script = fileURLToPath(new URL("testdata/start_env_and_wait.ts", import.meta.url));
      const child = spawn(process.execPath, ["--conditions=uselessctl-source", "--import", "tsx", script], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      const started = await new Promise<{ temporary: string; pids: number[] }>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("\n"))
            resolve(JSON.parse(output.split("\n")[0] ?? "") as { temporary: string; pids: number[] });
        });
        child.once("exit", (code) => reject(new Error(`the starter exited early with ${code}`)));
      });
      assert.ok(started.pids.every(isRunning));
      child.kill(signal);
      // SIGKILL leaves the clean-up to the watchdog, which polls once a second.
      await eventually(
        "every child and the folder to be gone",
        () => started.pids.every((pid) => !isRunning(pid)) && !existsSync(started.temporary),
        15_000,
      );
    });
  }
});
