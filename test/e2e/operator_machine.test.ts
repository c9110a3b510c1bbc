// The useless machine operator end to end with short timings: real kubectl, the operator as its
// own process, the local API server. Issue #6.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  OperatorProcess,
  createNamespace,
  SwitchWatch,
  getItems,
  kubectl,
  kubectlApply,
  missingPrerequisite,
  startCluster,
  switchesOf,
  type Cluster,
  type MachineObject,
  type SwitchObject,
  MACHINES_V1ALPHA1,
} from "./operator_harness.js";
import { eventually } from "../helpers/eventually.js";

const FLIP_DELAY_MS = 400;
const FLIP_INTERVAL_MS = 1000;
const FLIPPED_AT = "useless.container.training/flipped-at";

let cluster: Cluster;
let operator: OperatorProcess;
let namespaces = 0;

async function freshNamespace(): Promise<string> {
  const namespace = `operator-e2e-${++namespaces}`;
  await createNamespace(cluster, namespace);
  return namespace;
}

function machineManifest(namespace: string, name: string, switches: number): string {
  return JSON.stringify({
    apiVersion: "useless.container.training/v1alpha1",
    kind: "Machine",
    metadata: { name, namespace },
    spec: { switches },
  });
}

async function getMachine(namespace: string, name: string): Promise<MachineObject> {
  return JSON.parse(
    await kubectl(cluster, "get", MACHINES_V1ALPHA1, name, "-n", namespace, "-o", "json"),
  ) as MachineObject;
}

/** Creates a machine and waits until it reports all its switches down. */
async function settledMachine(namespace: string, name: string, switches: number): Promise<SwitchObject[]> {
  await kubectlApply(cluster, machineManifest(namespace, name, switches));
  return eventually(`machine ${name} with ${switches} switches down`, async () => {
    const machine = await getMachine(namespace, name);
    const owned = await switchesOf(cluster, namespace, name);
    const settled = machine.status?.positions === "d".repeat(switches) && owned.length === switches;
    return settled ? owned : undefined;
  });
}

function controllerUid(sw: SwitchObject | undefined): string | undefined {
  return sw?.metadata.ownerReferences?.find((ref) => ref.controller)?.uid;
}

describe("the useless machine operator (flip delay 400ms, interval 1s)", { skip: missingPrerequisite() }, () => {
  before(async () => {
    cluster = await startCluster();
    operator = OperatorProcess.start(cluster, {
      flipDelay: `${FLIP_DELAY_MS}ms`,
      flipInterval: `${FLIP_INTERVAL_MS}ms`,
    });
    await operator.ready();
  });

  after(async () => {
    const code = await operator?.stop("SIGTERM");
    await cluster?.stop();
    assert.equal(code, 0, `the operator exits cleanly on SIGTERM; its output:\n${operator?.output}`);
  });

  test("a machine gets 3 switches labelled, owned and down, and kubectl shows the seed's columns", async () => {
    const namespace = await freshNamespace();
    const switches = await settledMachine(namespace, "machine", 3);
    const machine = await getMachine(namespace, "machine");
    for (const sw of switches) {
      assert.match(sw.metadata.name, /^switch-[a-z0-9]+$/);
      assert.equal(sw.metadata.labels?.machine, "machine");
      assert.equal(controllerUid(sw), machine.metadata.uid);
      assert.equal(sw.spec.position, "down");
    }
    assert.equal(machine.status?.switches, 3);
    assert.equal(machine.status?.observedGeneration, machine.metadata.generation);
    assert.deepEqual(
      machine.status?.conditions?.map((c) => [c.type, c.status, c.reason]),
      [["Ready", "True", "SwitchesReady"]],
    );

    const table = (await kubectl(cluster, "get", MACHINES_V1ALPHA1, "-n", namespace)).trimEnd().split("\n");
    assert.match(table[0] ?? "", /^NAME\s+SWITCHES\s+POSITIONS\s+AGE$/);
    assert.match(table[1] ?? "", /^machine\s+3\s+ddd\s+\d+s$/);
    const switchTable = (await kubectl(cluster, "get", "switches", "-n", namespace, "-L", "machine"))
      .trimEnd()
      .split("\n");
    assert.match(switchTable[0] ?? "", /^NAME\s+POSITION\s+SEEN\s+AGE\s+MACHINE$/);
    assert.match(switchTable[1] ?? "", /^switch-\S+\s+down\s+\S*\s*\d+s\s+machine$/);
  });

  test("two switches flipped up come back down, each after the delay and one interval apart", async () => {
    const namespace = await freshNamespace();
    const [first, , third] = await settledMachine(namespace, "machine", 3);
    const watch = await SwitchWatch.start(cluster, namespace);
    try {
      for (const sw of [first, third]) {
        await kubectl(
          cluster,
          "patch",
          "switch",
          sw!.metadata.name,
          "-n",
          namespace,
          "--type=merge",
          "-p",
          '{"spec":{"position":"up"}}',
        );
      }
      await eventually("both switches down", async () => {
        const machine = await getMachine(namespace, "machine");
        return machine.status?.positions === "ddd" && machine.status.conditions?.[0]?.status === "True"
          ? true
          : undefined;
      });
      const flips = [first!, third!].map((sw) => {
        const events = watch.events.filter((event) => event.object.metadata.name === sw.metadata.name);
        const seenAt = events.map((event) => event.object.status?.seenAt).find((time) => time !== undefined);
        const flippedAt = events
          .map((event) => event.object.metadata.annotations?.[FLIPPED_AT])
          .find((time) => time !== undefined);
        assert.ok(seenAt && flippedAt, `${sw.metadata.name} was marked seen and flipped: ${JSON.stringify(events)}`);
        return { seenAt: Date.parse(seenAt), flippedAt: Date.parse(flippedAt) };
      });
      for (const flip of flips)
        assert.ok(
          flip.flippedAt - flip.seenAt >= FLIP_DELAY_MS,
          `flipped ${flip.flippedAt - flip.seenAt} ms after seen`,
        );
      const [a, b] = flips.map((flip) => flip.flippedAt).sort((x, y) => x - y);
      assert.ok(b! - a! >= FLIP_INTERVAL_MS, `flips ${b! - a!} ms apart`);
      const after = await switchesOf(cluster, namespace, "machine");
      assert.ok(
        after.every((sw) => sw.spec.position === "down" && sw.status?.seenAt === undefined),
        "down, seenAt cleared",
      );
    } finally {
      watch.stop();
    }
  });

  test("scaling 3 -> 5 -> 2 creates the missing switches and deletes the newest first", async () => {
    const namespace = await freshNamespace();
    const original = await settledMachine(namespace, "machine", 3);
    // creationTimestamp has whole seconds: let the next switches be visibly newer.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await kubectl(
      cluster,
      "patch",
      MACHINES_V1ALPHA1,
      "machine",
      "-n",
      namespace,
      "--type=merge",
      "-p",
      '{"spec":{"switches":5}}',
    );
    const five = await eventually("5 switches", async () => {
      const machine = await getMachine(namespace, "machine");
      const owned = await switchesOf(cluster, namespace, "machine");
      return owned.length === 5 && machine.status?.positions === "ddddd" ? owned : undefined;
    });
    await kubectl(
      cluster,
      "patch",
      MACHINES_V1ALPHA1,
      "machine",
      "-n",
      namespace,
      "--type=merge",
      "-p",
      '{"spec":{"switches":2}}',
    );
    const two = await eventually("2 switches", async () => {
      const machine = await getMachine(namespace, "machine");
      const owned = await switchesOf(cluster, namespace, "machine");
      return owned.length === 2 && machine.status?.switches === 2 ? owned : undefined;
    });
    const originalNames = new Set(original.map((sw) => sw.metadata.name));
    assert.ok(
      two.every((sw) => originalNames.has(sw.metadata.name)),
      "the two kept are among the oldest",
    );
    assert.equal(five.filter((sw) => !originalNames.has(sw.metadata.name)).length, 2);
    const machine = await getMachine(namespace, "machine");
    assert.equal(machine.status?.observedGeneration, machine.metadata.generation);
  });

  test("a relabelled switch moves to its new machine; an unlabelled one is released and replaced", async () => {
    const namespace = await freshNamespace();
    const [moving, unlabelled, misnamed] = await settledMachine(namespace, "left", 3);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await settledMachine(namespace, "right", 3);
    const right = await getMachine(namespace, "right");

    await kubectl(cluster, "label", "switch", moving!.metadata.name, "-n", namespace, "machine=right", "--overwrite");
    await eventually("the switch owned by its new machine, both machines back at 3", async () => {
      const leftSwitches = await switchesOf(cluster, namespace, "left");
      const rightSwitches = await switchesOf(cluster, namespace, "right");
      const moved = rightSwitches.find((sw) => sw.metadata.name === moving!.metadata.name);
      return controllerUid(moved) === right.metadata.uid &&
        moved?.metadata.ownerReferences?.length === 1 &&
        leftSwitches.length === 3 &&
        rightSwitches.length === 3
        ? true
        : undefined;
    });

    await kubectl(cluster, "label", "switch", unlabelled!.metadata.name, "-n", namespace, "machine-");
    await kubectl(
      cluster,
      "label",
      "switch",
      misnamed!.metadata.name,
      "-n",
      namespace,
      "machine=no-such-machine",
      "--overwrite",
    );
    await eventually("both released and replaced", async () => {
      const all = await getItems<SwitchObject>(cluster, namespace, "switches");
      const released = all.filter((sw) =>
        [unlabelled!.metadata.name, misnamed!.metadata.name].includes(sw.metadata.name),
      );
      const left = await getMachine(namespace, "left");
      return released.length === 2 &&
        released.every((sw) => (sw.metadata.ownerReferences ?? []).length === 0) &&
        (await switchesOf(cluster, namespace, "left")).length === 3 &&
        left.status?.switches === 3
        ? true
        : undefined;
    });
  });

  test("deleting a machine lets the garbage collector remove its switches", async () => {
    const namespace = await freshNamespace();
    await settledMachine(namespace, "machine", 3);
    await kubectl(cluster, "delete", MACHINES_V1ALPHA1, "machine", "-n", namespace, "--wait=false");
    await eventually("no switches left", async () =>
      (await getItems(cluster, namespace, "switches")).length === 0 ? true : undefined,
    );
  });

  test("the machine's own switchPosition: up is flipped down too", async () => {
    const namespace = await freshNamespace();
    await kubectlApply(
      cluster,
      JSON.stringify({
        apiVersion: "useless.container.training/v1alpha1",
        kind: "Machine",
        metadata: { name: "machine", namespace },
        spec: { switches: 1, switchPosition: "up" },
      }),
    );
    const machine = await eventually("the machine's switch down", async () => {
      const current = await getMachine(namespace, "machine");
      return current.spec.switchPosition === "down" && current.status?.conditions?.[0]?.status === "True"
        ? current
        : undefined;
    });
    assert.equal(machine.status?.observedGeneration, machine.metadata.generation);
  });
});
