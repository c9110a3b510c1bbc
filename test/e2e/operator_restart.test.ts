// Restarting the operator mid-way loses nothing: a switch waiting to be flipped keeps its seenAt,
// changes made while the operator is down are acted on, nothing is created twice. Issue #6.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  OperatorProcess,
  createNamespace,
  SwitchWatch,
  kubectl,
  kubectlApply,
  missingPrerequisite,
  startCluster,
  switchesOf,
  type Cluster,
  type MachineObject,
  MACHINES_V1ALPHA1,
} from "./operator_harness.js";
import { eventually } from "../helpers/eventually.js";

const FLAGS = { flipDelay: "3s", flipInterval: "1s" };
const FLIPPED_AT = "useless.container.training/flipped-at";
let cluster: Cluster;
let operator: OperatorProcess | undefined;

describe("restarting the operator", { skip: missingPrerequisite() }, () => {
  before(async () => {
    cluster = await startCluster();
  });

  after(async () => {
    await operator?.stop();
    await cluster?.stop();
  });

  test("a kill mid-way loses no wait, no switch and no change", { timeout: 180_000 }, async () => {
    operator = OperatorProcess.start(cluster, FLAGS);
    await operator.ready();
    await createNamespace(cluster, "restart");
    await kubectlApply(
      cluster,
      JSON.stringify({
        apiVersion: "useless.container.training/v1alpha1",
        kind: "Machine",
        metadata: { name: "machine", namespace: "restart" },
        spec: { switches: 3 },
      }),
    );
    const [target] = await eventually("3 switches", async () => {
      const found = await switchesOf(cluster, "restart", "machine");
      return found.length === 3 ? found : undefined;
    });
    const name = target!.metadata.name;
    const watch = await SwitchWatch.start(cluster, "restart");
    await kubectl(
      cluster,
      "patch",
      "switch",
      name,
      "-n",
      "restart",
      "--type=merge",
      "-p",
      '{"spec":{"position":"up"}}',
    );
    const seenAt = await eventually("the switch marked seen", async () => {
      const found = (await switchesOf(cluster, "restart", "machine")).find((sw) => sw.metadata.name === name);
      return found?.status?.seenAt;
    });

    await operator.stop("SIGKILL");
    await kubectl(
      cluster,
      "patch",
      MACHINES_V1ALPHA1,
      "machine",
      "-n",
      "restart",
      "--type=merge",
      "-p",
      '{"spec":{"switches":4}}',
    );
    operator = OperatorProcess.start(cluster, FLAGS);

    const settled = await eventually("4 switches, all down", async () => {
      const found = await switchesOf(cluster, "restart", "machine");
      const machine = JSON.parse(
        await kubectl(cluster, "get", MACHINES_V1ALPHA1, "machine", "-n", "restart", "-o", "json"),
      ) as MachineObject;
      // Switches and machine are read one after the other: both must say all down, or a flip
      // landing between the two reads would pass with the switches' older state.
      const allDown = found.every((sw) => sw.spec.position === "down");
      return found.length === 4 && allDown && machine.status?.positions === "dddd" ? found : undefined;
    });
    const flipped = settled.find((sw) => sw.metadata.name === name);
    const flippedAt = flipped?.metadata.annotations?.[FLIPPED_AT];
    assert.ok(flippedAt, "the waiting switch was flipped by the new operator");
    const waited = Date.parse(flippedAt) - Date.parse(seenAt);
    assert.ok(waited >= 3000, `it waited the delay from the seenAt recorded before the restart (${waited} ms)`);
    watch.stop();
    const seenValues = new Set(
      watch.events
        .filter((e) => e.object.metadata.name === name)
        .map((e) => e.object.status?.seenAt)
        .filter(Boolean),
    );
    assert.deepEqual([...seenValues], [seenAt], "the restarted operator kept the recorded seenAt");
    const all = JSON.parse(await kubectl(cluster, "get", "switches", "-n", "restart", "-o", "json")) as {
      items: unknown[];
    };
    assert.equal(all.items.length, 4, "nothing was created twice");
  });
});
