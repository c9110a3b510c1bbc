/**
 * The machine controller in a manager against a local API server, as kubebuilder's envtest suite
 * runs a controller: the scaffolded test, grown into the useless machine's behaviour. The rules
 * themselves are unit-tested in machine_plan.test.ts; the e2e tests drive the operator process.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createManager, discardLogger, type Client } from "uselessctl";
import type { TestEnv } from "uselessctl/testenv";
import { Machine, Switch, type SwitchList } from "../api/v1alpha1/index.js";
import { apiClient, startProjectTestEnv } from "../test/suite.js";
import { setupMachineController } from "./machine_controller.js";
import { resolveSettings } from "./settings.js";

/** Polls `read` until `done` holds for its value, or fails after `timeoutMs` with the last value. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      assert.fail(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

describe("machine controller", () => {
  let env: TestEnv;
  let client: Client;
  const stopManager = new AbortController();
  let managerDone: Promise<void>;

  before(async () => {
    env = await startProjectTestEnv();
    client = apiClient(env);
    const mgr = createManager({ kubeConfig: env.kubeConfig, logger: discardLogger });
    setupMachineController(mgr, { settings: resolveSettings({ flipDelay: "0", flipInterval: "0" }) });
    managerDone = mgr.start(stopManager.signal);
  });

  after(async () => {
    stopManager.abort();
    await managerDone;
    await env.stop();
  });

  const switchesOf = (name: string): Promise<SwitchList> =>
    client.list(Switch, { namespace: "default", matchingLabels: { machine: name } }) as Promise<SwitchList>;

  test("a new machine gets its switches, created down and owned by it, and a status that counts them", async () => {
    const machine: Machine = {
      apiVersion: Machine.apiVersion,
      kind: Machine.kind,
      metadata: { namespace: "default", name: "three" },
      spec: { switches: 3 },
    };
    await client.create(machine);
    const switches = await eventually(
      () => switchesOf("three"),
      (list) => list.items.length === 3,
    );
    for (const sw of switches.items) {
      assert.equal(sw.spec?.position, "down");
      assert.match(sw.metadata?.name ?? "", /^switch-/);
      assert.deepEqual(
        sw.metadata?.ownerReferences?.map(({ kind, name, uid, controller }) => ({ kind, name, uid, controller })),
        [{ kind: "Machine", name: "three", uid: machine.metadata?.uid, controller: true }],
      );
    }
    const current = await eventually(
      () => client.get(Machine, { namespace: "default", name: "three" }),
      (found) => found.status?.positions === "ddd",
    );
    assert.equal(current.status?.switches, 3);
    assert.equal(current.status?.observedGeneration, current.metadata?.generation);
  });

  test("a switch flipped up is flipped back down", async () => {
    const [first] = (await switchesOf("three")).items;
    assert.ok(first, "the machine of the previous test has switches");
    await client.update({ ...first, spec: { position: "up" } });
    await eventually(
      () => client.get(Switch, { namespace: "default", name: first.metadata?.name ?? "" }),
      (sw) => sw.spec?.position === "down" && sw.metadata?.resourceVersion !== first.metadata?.resourceVersion,
    );
  });
});
