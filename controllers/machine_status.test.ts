import { test } from "node:test";
import assert from "node:assert/strict";
import { machineStatus } from "./machine_status.js";
import { machineRequestForSwitch } from "./switch_membership.js";
import { T0, at, machine, sw } from "./testing/fixtures.js";

test("positions are the first letters of the switches' positions, ordered by switch name", () => {
  const { status } = machineStatus(machine(), [sw("switch-c", { position: "up" }), sw("switch-a"), sw("switch-b")], T0);
  assert.equal(status.switches, 3);
  assert.equal(status.positions, "ddu");
  assert.equal(status.observedGeneration, 1);
});

test("Ready is True once every switch exists, and says what is down", () => {
  const { status } = machineStatus(machine(), [sw("a"), sw("b"), sw("c")], at(1.5));
  assert.deepEqual(status.conditions, [
    {
      type: "Ready",
      status: "True",
      reason: "SwitchesReady",
      message: "all 3 switches exist, everything is down",
      observedGeneration: 1,
      lastTransitionTime: "2026-01-01T00:00:01Z",
    },
  ]);
});

test("Ready counts what is up, the machine's own switch included, and is False while the count is wrong", () => {
  const up = machineStatus(machine({ switchPosition: "up" }), [sw("a", { position: "up" }), sw("b"), sw("c")], T0);
  assert.equal(up.status.conditions?.[0]?.status, "True");
  assert.equal(up.status.conditions?.[0]?.message, "all 3 switches exist, 2 up and waiting to be flipped down");
  const scaling = machineStatus(machine({ switches: 5 }), [sw("a"), sw("b")], T0);
  assert.equal(scaling.status.conditions?.[0]?.reason, "Scaling");
  assert.equal(scaling.status.conditions?.[0]?.message, "2 of 5 switches exist");
});

test("the transition time moves only when the condition's status changes", () => {
  const first = machineStatus(machine(), [sw("a"), sw("b")], at(0)).status;
  const withStatus = { ...machine(), status: first };
  const stillScaling = machineStatus(withStatus, [sw("a")], at(10)).status;
  assert.equal(stillScaling.conditions?.[0]?.lastTransitionTime, "2026-01-01T00:00:00Z");
  const ready = machineStatus(withStatus, [sw("a"), sw("b"), sw("c")], at(20)).status;
  assert.equal(ready.conditions?.[0]?.lastTransitionTime, "2026-01-01T00:00:20Z");
  assert.equal(first.conditions?.[0]?.status, "False", "the machine's own status is left as it was");
});

test("other conditions are kept as they are", () => {
  const other = {
    type: "Painted",
    status: "True" as const,
    reason: "Red",
    message: "",
    lastTransitionTime: "2020-01-01T00:00:00Z",
  };
  const { status } = machineStatus({ ...machine(), status: { conditions: [other] } }, [sw("a"), sw("b"), sw("c")], T0);
  assert.deepEqual(
    status.conditions?.map((c) => c.type),
    ["Painted", "Ready"],
  );
});

test("an unchanged status needs no write; any change does", () => {
  const switches = [sw("a"), sw("b"), sw("c")];
  const first = machineStatus(machine(), switches, T0);
  assert.equal(first.changed, true, "a machine without a status");
  assert.equal(machineStatus({ ...machine(), status: first.status }, switches, at(30)).changed, false);
  const flippedUp = [sw("a"), sw("b"), sw("c", { position: "up" })];
  assert.equal(machineStatus({ ...machine(), status: first.status }, flippedUp, at(30)).changed, true);
  const edited = { ...machine({ generation: 2 }), status: first.status };
  assert.equal(machineStatus(edited, switches, at(30)).changed, true);
});

test("a switch maps to the machine its label names, in its namespace", () => {
  assert.deepEqual(machineRequestForSwitch(sw("a")), [{ namespace: "ns", name: "m" }]);
  assert.deepEqual(machineRequestForSwitch(sw("a", { label: "other" })), [{ namespace: "ns", name: "other" }]);
  assert.deepEqual(machineRequestForSwitch(sw("a", { label: null, owner: null })), []);
});
