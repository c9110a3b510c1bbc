// The machine controller in a manager against a local API server, as kubebuilder's envtest suite
// runs a controller: a new machine gets its switches, and a switch flipped up comes back down.
// One server for the file, a fresh namespace per test. The rules are unit-tested in
// controllers/; the e2e tests drive the operator process.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createManager, discardLogger, mergePatch, type Client, type Manager } from "uselessctl";
import { Machine, Switch } from "../../api/v1alpha1/index.js";
import { MachineReconciler } from "../../controllers/machine_controller.js";
import { eventually, freshNamespace, startRuntimeTestEnv } from "../helpers/runtime_env.js";

const crds = fileURLToPath(new URL("../../config/crd/bases", import.meta.url));
const setup = await startRuntimeTestEnv({ crdDirectoryPaths: [crds] });

describe("the machine controller in a manager", { skip: setup.skipReason }, () => {
  let client: Client;
  let mgr: Manager;
  let done: Promise<void>;

  before(async () => {
    if (!setup.env) throw new Error(setup.skipReason);
    client = setup.client;
    mgr = createManager({ kubeConfig: setup.env.kubeConfig, logger: discardLogger });
    new MachineReconciler({
      client: mgr.getClient(),
      settings: { flipDelayMs: 0, flipIntervalMs: 0 },
    }).setupWithManager(mgr);
    done = mgr.start();
  });

  after(async () => {
    await mgr?.stop();
    await done;
    await setup.env?.stop();
  });

  async function createMachine(namespace: string, switches: number): Promise<Machine> {
    return client.create<Machine>({
      apiVersion: Machine.apiVersion,
      kind: Machine.kind,
      metadata: { namespace, name: "machine" },
      spec: { switches },
    });
  }

  const switchesOf = async (namespace: string): Promise<Switch[]> =>
    (await client.list(Switch, { namespace, matchingLabels: { machine: "machine" } })).items;

  test("a new machine gets its switches, created down and owned by it, and a status that counts them", async () => {
    const namespace = await freshNamespace(client, "machine");
    const machine = await createMachine(namespace, 3);
    await eventually(
      "the machine's status counts 3 switches down",
      async () => (await client.get(Machine, { namespace, name: "machine" })).status?.positions === "ddd",
      20_000,
    );
    const switches = await switchesOf(namespace);
    assert.equal(switches.length, 3);
    for (const sw of switches) {
      assert.equal(sw.spec.position, "down");
      assert.match(sw.metadata?.name ?? "", /^switch-/);
      assert.deepEqual(
        sw.metadata?.ownerReferences?.map(({ kind, name, uid, controller }) => ({ kind, name, uid, controller })),
        [{ kind: "Machine", name: "machine", uid: machine.metadata?.uid, controller: true }],
      );
    }
    const current = await client.get(Machine, { namespace, name: "machine" });
    assert.equal(current.status?.switches, 3);
    assert.equal(current.status?.observedGeneration, current.metadata?.generation);
  });

  test("a switch flipped up is flipped back down", async () => {
    const namespace = await freshNamespace(client, "flip");
    await createMachine(namespace, 1);
    await eventually("the machine's switch", async () => (await switchesOf(namespace)).length === 1, 20_000);
    const [created] = await switchesOf(namespace);
    assert.ok(created);
    const flippedUp = await client.patch(created, mergePatch({ spec: { position: "up" } }));
    await eventually(
      "the switch back down",
      async () => {
        const sw = await client.get(Switch, { namespace, name: flippedUp.metadata?.name ?? "" });
        return sw.spec.position === "down" && sw.metadata?.resourceVersion !== flippedUp.metadata?.resourceVersion;
      },
      20_000,
    );
  });
});
