import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, InvalidSettingError, formatDuration, parseDuration, resolveSettings } from "./settings.js";

test("durations are read as Go writes them", () => {
  assert.equal(parseDuration("5s", "x"), 5000);
  assert.equal(parseDuration("250ms", "x"), 250);
  assert.equal(parseDuration("1m30s", "x"), 90_000);
  assert.equal(parseDuration("1.5s", "x"), 1500);
  assert.equal(parseDuration("1h", "x"), 3_600_000);
  assert.equal(parseDuration("0", "x"), 0);
  assert.equal(parseDuration("0s", "x"), 0);
});

test("a malformed or negative duration is an error naming its source", () => {
  for (const bad of ["5", "-1s", "five seconds", "", "5 s", "1d"]) {
    assert.throws(
      () => parseDuration(bad, "--flip-delay"),
      (error: unknown) =>
        error instanceof InvalidSettingError &&
        error.source === "--flip-delay" &&
        error.message.startsWith("--flip-delay: expected a duration"),
      bad,
    );
  }
});

test("flags win over the environment, which wins over the defaults", () => {
  assert.deepEqual(resolveSettings({}), DEFAULT_SETTINGS);
  assert.deepEqual(resolveSettings({ env: { USELESS_FLIP_DELAY: "1s", USELESS_FLIP_INTERVAL: "0" } }), {
    flipDelayMs: 1000,
    flipIntervalMs: 0,
  });
  assert.deepEqual(resolveSettings({ flipDelay: "200ms", env: { USELESS_FLIP_DELAY: "1s" } }), {
    flipDelayMs: 200,
    flipIntervalMs: 5000,
  });
});

test("a bad environment value names the variable", () => {
  assert.throws(
    () => resolveSettings({ env: { USELESS_FLIP_INTERVAL: "soon" } }),
    /^InvalidSettingError: USELESS_FLIP_INTERVAL:/,
  );
});

test("durations format back for logs", () => {
  assert.equal(formatDuration(0), "0s");
  assert.equal(formatDuration(250), "250ms");
  assert.equal(formatDuration(5000), "5s");
  assert.equal(formatDuration(1500), "1.5s");
});
