// The machine controller in-process against the local API server, behind a counting front door:
// it makes exactly the writes the rules need and reads only from its cache. Issue #6.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createManager, discardLogger, mergePatch, type Client, type Manager } from "uselessctl";
import { Machine, Switch } from "../../api/v1alpha1/index.js";
import { MachineReconciler } from "../../controllers/machine_controller.js";
import { startFrontDoor, type FrontDoor } from "../helpers/front_door.js";
import { eventually, freshNamespace, startRuntimeTestEnv } from "../helpers/runtime_env.js";

const crds = fileURLToPath(new URL("../../config/crd/bases", import.meta.url));
const setup = await startRuntimeTestEnv({ crdDirectoryPaths: [crds] });

describe("the machine controller's requests", { skip: setup.skipReason }, () => {
  let client: Client;
  let frontDoor: FrontDoor;
  let mgr: Manager;
  let done: Promise<void>;

  before(async () => {
    if (!setup.env) throw new Error(setup.skipReason);
    client = setup.client;
    frontDoor = await startFrontDoor(setup.env.kubeConfig);
    mgr = createManager({ kubeConfig: frontDoor.kubeConfig, logger: discardLogger, gracefulShutdownTimeout: 2_000 });
    new MachineReconciler({
      client: mgr.getClient(),
      settings: { flipDelayMs: 0, flipIntervalMs: 0 },
    }).setupWithManager(mgr);
    done = mgr.start();
    assert.equal(await mgr.getCache().waitForCacheSync(), true);
  });

  after(async () => {
    await mgr?.stop();
    await done;
    await frontDoor?.stop();
    await setup.env?.stop();
  });

  /** Requests the controller made since `since` (an index into the front door's log), as "METHOD resource". */
  function requestsSince(since: number): string[] {
    return frontDoor.requests
      .slice(since)
      .filter((seen) => !seen.watch)
      .map((seen) => {
        const path = seen.path.split("?")[0] ?? "";
        const parts = path.split("/").filter(Boolean);
        const resource =
          parts.at(-1) === "status" ? `${parts.at(-3)}/status` : parts.includes("switches") ? "switches" : "machines";
        return `${seen.method} ${resource}`;
      })
      .sort();
  }

  test("create, flip every switch up, scale down: minimal writes and no read past the cache", async () => {
    const namespace = await freshNamespace(client, "operator");
    let mark = frontDoor.requests.length;
    await client.create({
      apiVersion: Machine.apiVersion,
      kind: Machine.kind,
      metadata: { name: "m", namespace },
      spec: { switches: 3 },
    });
    await eventually(
      "3 switches and the status",
      async () => (await client.get(Machine, { namespace, name: "m" })).status?.positions === "ddd",
    );
    assert.deepEqual(requestsSince(mark), ["POST switches", "POST switches", "POST switches", "PUT machines/status"]);

    mark = frontDoor.requests.length;
    const switches = (await client.list(Switch, { namespace })).items;
    for (const sw of switches) await client.patch(sw, mergePatch({ spec: { position: "up" } }));
    await eventually("every switch down again", async () =>
      (await client.list(Switch, { namespace })).items.every((sw) => sw.spec.position === "down"),
    );
    const flips = requestsSince(mark);
    assert.deepEqual(
      flips.filter((r) => r === "PUT switches"),
      ["PUT switches", "PUT switches", "PUT switches"],
      "one flip per switch",
    );
    assert.ok(
      flips.every((r) => r === "PUT switches" || r === "PUT machines/status"),
      `only flips and status writes: ${flips}`,
    );

    mark = frontDoor.requests.length;
    await client.patch(
      { apiVersion: Machine.apiVersion, kind: Machine.kind, metadata: { name: "m", namespace } },
      mergePatch({ spec: { switches: 1 } }),
    );
    await eventually(
      "one switch left",
      async () => (await client.get(Machine, { namespace, name: "m" })).status?.switches === 1,
    );
    assert.deepEqual(requestsSince(mark), ["DELETE switches", "DELETE switches", "PUT machines/status"]);
    assert.equal((await client.list(Switch, { namespace })).items.length, 1);
  });
});
