import assert from "node:assert/strict";
import { test } from "node:test";
import {
  intOrPercentValue,
  validateNonnegative,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from "./int_or_string.js";

const lines = (errors: { field: string; detail: string }[]): string[] =>
  errors.map((error) => `${error.field}: ${error.detail}`);

test("an int-or-percent is a non-negative integer or a percent string of at most 100%", () => {
  assert.deepEqual(validatePositiveIntOrPercent("25%", "f"), []);
  assert.deepEqual(validatePositiveIntOrPercent(3, "f"), []);
  assert.deepEqual(lines(validatePositiveIntOrPercent(-1, "f")), [
    "f: Invalid value: -1: must be greater than or equal to 0",
  ]);
  assert.deepEqual(lines(validatePositiveIntOrPercent("25", "f")), [
    `f: Invalid value: "25": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
  ]);
  assert.deepEqual(lines(validateNotMoreThan100Percent("101%", "f")), [
    'f: Invalid value: "101%": must not be greater than 100%',
  ]);
  assert.deepEqual(validateNotMoreThan100Percent(101, "f"), []);
  assert.deepEqual(validateNonnegative(undefined, "f"), []);
});

test("the value of an int-or-percent is its percent, its integer, or 0 for another string", () => {
  assert.equal(intOrPercentValue("40%"), 40);
  assert.equal(intOrPercentValue(7), 7);
  assert.equal(intOrPercentValue("7"), 7);
  assert.equal(intOrPercentValue("x"), 0);
  assert.equal(intOrPercentValue(undefined), 0);
});
