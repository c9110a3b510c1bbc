import { test } from "node:test";
import assert from "node:assert/strict";
import { EXPECTATION_TIMEOUT_MS, noExpectations, settleExpectations } from "./expectations.js";
import { at, sw } from "./testing/fixtures.js";

test("a created switch is expected until the cache shows it", () => {
  const expectations = noExpectations();
  expectations.created.push({ switch: sw("new"), at: at(0) });
  assert.deepEqual(
    settleExpectations(expectations, [sw("a")], at(1)).created.map((s) => s.metadata?.name),
    ["new"],
  );
  assert.deepEqual(settleExpectations(expectations, [sw("a"), sw("new")], at(2)).created, []);
  assert.deepEqual(expectations.created, []);
});

test("a deleted switch is expected gone until the cache no longer shows it", () => {
  const expectations = noExpectations();
  expectations.deleted.push({ name: "old", at: at(0) });
  assert.deepEqual(settleExpectations(expectations, [sw("old")], at(1)).deleted, ["old"]);
  assert.deepEqual(settleExpectations(expectations, [], at(2)).deleted, []);
});

test("expectations the cache never confirms time out", () => {
  const expectations = noExpectations();
  expectations.created.push({ switch: sw("lost"), at: at(0) });
  expectations.deleted.push({ name: "old", at: at(0) });
  const memory = settleExpectations(expectations, [sw("old")], at(0) + EXPECTATION_TIMEOUT_MS);
  assert.deepEqual([memory.created, memory.deleted], [[], []]);
});

test("the last flip time is passed through", () => {
  const expectations = { ...noExpectations(), lastFlipAt: at(3) };
  assert.equal(settleExpectations(expectations, [], at(4)).lastFlipAt, at(3));
});
