// The operator with its real defaults (5 s delay, 5 s interval, no flags): the seed's timing.
// Issue #6.
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
} from "./operator_harness.js";
import { eventually } from "../helpers/eventually.js";

const FLIPPED_AT = "useless.container.training/flipped-at";
let cluster: Cluster;
let operator: OperatorProcess;

describe("the useless machine operator with its default timing", { skip: missingPrerequisite() }, () => {
  before(async () => {
    cluster = await startCluster();
    operator = OperatorProcess.start(cluster, { flipDelay: "5s", flipInterval: "5s" });
    await operator.ready();
  });

  after(async () => {
    await operator?.stop();
    await cluster?.stop();
  });

  test(
    "two switches flipped up come down at least 5 s after being seen and at least 5 s apart",
    { timeout: 180_000 },
    async () => {
      await createNamespace(cluster, "defaults");
      await kubectlApply(
        cluster,
        JSON.stringify({
          apiVersion: "useless.container.training/v1alpha1",
          kind: "Machine",
          metadata: { name: "machine", namespace: "defaults" },
          spec: { switches: 3 },
        }),
      );
      const switches = await eventually("3 switches", async () => {
        const found = await switchesOf(cluster, "defaults", "machine");
        return found.length === 3 ? found : undefined;
      });
      const watch = await SwitchWatch.start(cluster, "defaults");
      try {
        const flipped = [switches[0]!, switches[1]!].map((sw) => sw.metadata.name);
        for (const name of flipped) {
          await kubectl(
            cluster,
            "patch",
            "switch",
            name,
            "-n",
            "defaults",
            "--type=merge",
            "-p",
            '{"spec":{"position":"up"}}',
          );
        }
        await eventually(
          "both down again",
          async () =>
            (await switchesOf(cluster, "defaults", "machine")).every((sw) => sw.spec.position === "down")
              ? true
              : undefined,
          60_000,
        );
        const times = flipped.map((name) => {
          const events = watch.events.filter((event) => event.object.metadata.name === name);
          const seenAt = events.map((event) => event.object.status?.seenAt).find((time) => time !== undefined);
          const flippedAt = events
            .map((event) => event.object.metadata.annotations?.[FLIPPED_AT])
            .find((time) => time !== undefined);
          assert.ok(seenAt && flippedAt, `${name} was marked seen and flipped`);
          assert.ok(Date.parse(flippedAt) - Date.parse(seenAt) >= 5000, `${name} waited 5 s`);
          return Date.parse(flippedAt);
        });
        assert.ok(Math.abs(times[0]! - times[1]!) >= 5000, "the flips are 5 s apart");
      } finally {
        watch.stop();
      }
    },
  );
});
