import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClient } from "../client/fake.js";
import { FakeClock } from "../clock.js";
import { Event } from "../scheme/core_kinds.js";
import { createEventRecorder } from "./event_recorder.js";

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("events are written as core/v1 Events and repeats raise the count", async () => {
  const client = new FakeClient();
  const clock = new FakeClock(Date.parse("2026-01-01T00:00:00Z"));
  const recorder = createEventRecorder({ client, component: "machine-controller", clock });
  const machine = {
    apiVersion: "useless.container.training/v1alpha1",
    kind: "Machine",
    metadata: { name: "m", namespace: "ns", uid: "u1" },
  };
  recorder.event(machine, "Normal", "Flipped", "switch-a flipped down");
  await settle();
  clock.advance(1000);
  recorder.eventf(machine, "Normal", "Flipped", "switch-%s flipped %s", "a", "down");
  await settle();
  recorder.event(machine, "Warning", "Stuck", "cannot flip");
  await settle();
  const events = (await client.list(Event, { namespace: "ns" })).items.sort((a, b) =>
    (a.reason ?? "").localeCompare(b.reason ?? ""),
  );
  assert.equal(events.length, 2);
  const [flipped, stuck] = events;
  assert.equal(flipped?.count, 2);
  assert.equal(flipped?.lastTimestamp, "2026-01-01T00:00:01Z");
  assert.equal(flipped?.firstTimestamp, "2026-01-01T00:00:00Z");
  assert.deepEqual(flipped?.involvedObject, {
    apiVersion: machine.apiVersion,
    kind: "Machine",
    name: "m",
    namespace: "ns",
    uid: "u1",
    resourceVersion: undefined,
  });
  assert.equal(flipped?.source?.component, "machine-controller");
  assert.equal(stuck?.type, "Warning");
});
