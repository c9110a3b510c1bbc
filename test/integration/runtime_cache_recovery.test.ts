/**
 * The cache across an API server restart and a 410 relist (issue #4): the manager reaches the
 * server through a front door; the server is stopped and started again on the same data, changes
 * are made while the manager cannot see them, and the watch is answered with 410 Gone once.
 * Level-triggered: the final state must be reconciled, and `/readyz` must fail while the watch
 * is down.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ConfigMap,
  controllerManagedBy,
  createLogger,
  createManager,
  discardLogger,
  isNotFound,
  type Manager,
} from "uselessctl";
import { startFrontDoor } from "../helpers/front_door.js";
import { eventually } from "../helpers/eventually.js";
import { directClient, freshNamespace, startRuntimeTestEnv } from "../helpers/runtime_env.js";

const dataDir = mkdtempSync(join(tmpdir(), "runtime-recovery-"));
const first = await startRuntimeTestEnv({ dataDir });
const logger = process.env.RUNTIME_TEST_LOGS ? createLogger({ level: "debug" }) : discardLogger;

describe("cache recovery", { skip: first.skipReason }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("the cache keeps working across an API server restart and a 410 relist, missing no update", async () => {
    let env = first.env!;
    let client = first.client!;
    cleanups.push(() => env.stop());
    const frontDoor = await startFrontDoor(env.kubeConfig);
    cleanups.push(() => frontDoor.stop());
    const namespace = await freshNamespace(client);

    // The reconciler records the state it last saw per object: what the controller "knows".
    const observed = new Map<string, string>();
    const mgr: Manager = createManager({
      kubeConfig: frontDoor.kubeConfig,
      namespace,
      logger,
      healthProbeBindAddress: "127.0.0.1:0",
      watchDownReadyzThresholdMs: 300,
    });
    const reader = mgr.getClient();
    controllerManagedBy(mgr)
      .for(ConfigMap)
      .complete(async (req) => {
        try {
          observed.set(req.name, (await reader.get(ConfigMap, req)).data?.value ?? "");
        } catch (err) {
          if (!isNotFound(err)) throw err;
          observed.set(req.name, "deleted");
        }
      });
    const started = mgr.start();
    cleanups.push(async () => {
      await mgr.stop();
      await started;
    });
    const create = (name: string, value: string) =>
      client.create<ConfigMap>({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace, name }, data: { value } });
    await Promise.all([create("changed", "before"), create("removed", "before"), create("same", "before")]);
    await eventually("the first state to be reconciled", () => observed.size === 3);
    const readyz = async () => (await fetch(`http://${mgr.servingAddresses().healthProbe}/readyz?verbose`)).status;
    await eventually("/readyz to pass", async () => (await readyz()) === 200, 2_000).catch(async (err: unknown) => {
      throw new Error(
        `${String(err)}: ${await (await fetch(`http://${mgr.servingAddresses().healthProbe}/readyz?verbose`)).text()}`,
      );
    });

    // Outage: the manager loses the server, which then restarts on the same data.
    frontDoor.down();
    await env.stop();
    await eventually("/readyz to fail while the watch is down", async () => (await readyz()) === 500, 5_000);
    const second = await startRuntimeTestEnv({ dataDir });
    assert.ok(second.env, second.skipReason);
    env = second.env;
    client = directClient(env);

    // Changes the manager cannot see yet.
    const changed = await client.get(ConfigMap, { namespace, name: "changed" });
    changed.data = { value: "after" };
    await client.update(changed);
    await client.delete(await client.get(ConfigMap, { namespace, name: "removed" }));
    await create("added", "after");

    const listsBefore = frontDoor.count({ method: "GET", pathIncludes: "/configmaps" });
    frontDoor.expireNextWatches(1);
    await frontDoor.retarget(env.kubeConfig);
    frontDoor.up();

    await eventually(
      "the final state to be reconciled",
      () =>
        observed.get("changed") === "after" &&
        observed.get("removed") === "deleted" &&
        observed.get("added") === "after",
      20_000,
    );
    assert.equal(observed.get("same"), "before");
    assert.ok(frontDoor.count({ method: "GET", pathIncludes: "/configmaps" }) > listsBefore, "the 410 led to a relist");
    await eventually("/readyz to pass again", async () => (await readyz()) === 200, 5_000);

    // And the watch keeps delivering after the recovery.
    const again = await client.get(ConfigMap, { namespace, name: "same" });
    again.data = { value: "later" };
    await client.update(again);
    await eventually("a change after the recovery to be reconciled", () => observed.get("same") === "later");
  });
});
