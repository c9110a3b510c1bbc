/**
 * Leader election between managers (issue #4): exactly one of two reconciles; when the leader
 * dies the other takes over within the lease duration; SIGTERM releases the lease at once.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  ConfigMap,
  Lease,
  controllerManagedBy,
  createManager,
  discardLogger,
  type Manager,
  type ManagerOptions,
} from "uselessctl";
import { eventually } from "../helpers/eventually.js";
import { freshNamespace, pause, startRuntimeTestEnv } from "../helpers/runtime_env.js";

const setup = await startRuntimeTestEnv();

describe("leader election", { skip: setup.skipReason }, () => {
  const client = setup.client!;
  const managers: Manager[] = [];
  after(async () => {
    for (const mgr of managers) await mgr.stop();
    await setup.env?.stop();
  });

  /** A manager whose controller records which replica reconciled what. */
  function replica(name: string, namespace: string, reconciledBy: string[], options: Partial<ManagerOptions> = {}) {
    const mgr = createManager({
      kubeConfig: setup.env!.kubeConfig,
      namespace,
      logger: discardLogger,
      leaderElection: true,
      leaderElectionId: "runtime-test",
      leaderElectionIdentity: name,
      ...options,
    });
    controllerManagedBy(mgr)
      .for(ConfigMap)
      .complete(async () => {
        reconciledBy.push(name);
      });
    managers.push(mgr);
    return { mgr, done: mgr.start() };
  }

  const holder = async (namespace: string, name = "runtime-test") => {
    try {
      return (await client.get(Lease, { namespace, name })).spec?.holderIdentity ?? "";
    } catch {
      return undefined;
    }
  };

  test("of two managers exactly one reconciles; when it dies the other takes over within the lease duration", async () => {
    const namespace = await freshNamespace(client);
    const short = { leaseDurationMs: 3_000, renewDeadlineMs: 2_000, retryPeriodMs: 250 };
    const reconciledBy: string[] = [];
    // "a" dies without releasing its lease, as a crashed process would.
    const a = replica("a", namespace, reconciledBy, { ...short, leaderElectionReleaseOnCancel: false });
    await a.mgr.elected();
    const b = replica("b", namespace, reconciledBy, short);
    for (let i = 0; i < 5; i++) {
      await client.create<ConfigMap>({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace, name: `cm-${i}` } });
    }
    await eventually("the leader to reconcile every object", () => reconciledBy.length >= 5);
    await pause(1_000);
    assert.deepEqual([...new Set(reconciledBy)], ["a"], "only the leader reconciles");
    assert.equal(await holder(namespace), "a");

    await a.mgr.stop();
    const diedAt = Date.now();
    await b.mgr.elected();
    const takeover = Date.now() - diedAt;
    assert.ok(takeover <= short.leaseDurationMs + 2 * short.retryPeriodMs + 500, `took over after ${takeover} ms`);
    assert.ok(takeover >= short.leaseDurationMs / 2, `waited for the lease to expire (${takeover} ms)`);
    await client.create<ConfigMap>({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace, name: "after" } });
    await eventually("the new leader to reconcile", () => reconciledBy.includes("b"));
  });

  test("SIGTERM makes the leader release its lease at once, and the standby takes over", async () => {
    const namespace = await freshNamespace(client);
    const child = spawn(
      process.execPath,
      [
        "--conditions=uselessctl-source",
        "--import",
        "tsx",
        fileURLToPath(new URL("fixtures/runtime_leader_child.ts", import.meta.url)),
      ],
      {
        env: {
          ...process.env,
          KUBECONFIG: setup.env!.kubeconfigPath,
          LEASE_ID: "sigterm-test",
          LEASE_NAMESPACE: namespace,
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await eventually("the child to lead", () => output.includes("leading"), 30_000);
      const standby = createManager({
        kubeConfig: setup.env!.kubeConfig,
        namespace,
        logger: discardLogger,
        leaderElection: true,
        leaderElectionId: "sigterm-test",
        leaderElectionIdentity: "standby",
      });
      managers.push(standby);
      void standby.start();
      await pause(2_500);
      assert.equal(await holder(namespace, "sigterm-test"), "child", "the standby waits while the child leads");

      const signalledAt = Date.now();
      child.kill("SIGTERM");
      await eventually(
        "the lease to be released",
        async () => (await holder(namespace, "sigterm-test")) !== "child",
        2_000,
      );
      const releasedAfter = Date.now() - signalledAt;
      assert.equal(await exited, 0);
      assert.match(output, /stopped/);
      await standby.elected();
      const takeover = Date.now() - signalledAt;
      // The default lease is 15 s; a release lets the standby in at its next 2 s retry.
      assert.ok(
        takeover < 4_000,
        `the standby took over ${takeover} ms after SIGTERM (released after ${releasedAfter} ms)`,
      );
    } finally {
      child.kill("SIGKILL");
    }
  });
});
