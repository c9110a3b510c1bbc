import { test } from "node:test";
import assert from "node:assert/strict";
import {
  findStatusCondition,
  isStatusConditionFalse,
  isStatusConditionTrue,
  removeStatusCondition,
  setStatusCondition,
  type Condition,
} from "./conditions.js";
import { FakeClock } from "../clock.js";

const at = (iso: string) => new FakeClock(Date.parse(iso));

test("setting a new condition stamps lastTransitionTime and reports a change", () => {
  const conditions: Condition[] = [];
  assert.equal(
    setStatusCondition(
      conditions,
      { type: "Ready", status: "False", reason: "Creating", observedGeneration: 1 },
      { clock: at("2026-01-01T00:00:00.123Z") },
    ),
    true,
  );
  assert.deepEqual(conditions, [
    {
      type: "Ready",
      status: "False",
      observedGeneration: 1,
      lastTransitionTime: "2026-01-01T00:00:00Z",
      reason: "Creating",
      message: "",
    },
  ]);
});

test("lastTransitionTime moves only when status changes", () => {
  const conditions: Condition[] = [];
  setStatusCondition(
    conditions,
    { type: "Ready", status: "False", reason: "A" },
    { clock: at("2026-01-01T00:00:00Z") },
  );
  assert.equal(
    setStatusCondition(
      conditions,
      { type: "Ready", status: "False", reason: "B", message: "m", observedGeneration: 2 },
      { clock: at("2026-01-02T00:00:00Z") },
    ),
    true,
  );
  assert.equal(findStatusCondition(conditions, "Ready")?.lastTransitionTime, "2026-01-01T00:00:00Z");
  assert.equal(findStatusCondition(conditions, "Ready")?.observedGeneration, 2);
  setStatusCondition(
    conditions,
    { type: "Ready", status: "True", reason: "B", message: "m", observedGeneration: 2 },
    { clock: at("2026-01-03T00:00:00Z") },
  );
  assert.equal(findStatusCondition(conditions, "Ready")?.lastTransitionTime, "2026-01-03T00:00:00Z");
  assert.equal(isStatusConditionTrue(conditions, "Ready"), true);
  assert.equal(isStatusConditionFalse(conditions, "Ready"), false);
});

test("setting an identical condition reports no change", () => {
  const conditions: Condition[] = [];
  const input = { type: "Ready", status: "True" as const, reason: "Ok", message: "fine", observedGeneration: 3 };
  setStatusCondition(conditions, input);
  assert.equal(setStatusCondition(conditions, input), false);
  assert.equal(removeStatusCondition(conditions, "Ready"), true);
  assert.equal(removeStatusCondition(conditions, "Ready"), false);
  assert.equal(isStatusConditionTrue(conditions, "Ready"), false);
});
