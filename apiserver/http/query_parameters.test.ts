import assert from "node:assert/strict";
import { test } from "node:test";
import { int64Parameter, listIntegerOptions } from "./query_parameters.js";
import { StatusError } from "../errors/status.js";

function badRequestMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof StatusError);
    assert.equal(error.code, 400);
    assert.equal(error.reason, "BadRequest");
    return error.message;
  }
  assert.fail("expected a 400");
}

test("integer query parameters are parsed as strconv.ParseInt(value, 10, 64)", () => {
  const query = new URLSearchParams({ limit: "+5", timeoutSeconds: "-3", gracePeriodSeconds: "0" });
  assert.deepEqual(listIntegerOptions(query), { timeoutSeconds: -3, limit: 5 });
  assert.equal(int64Parameter(query, "gracePeriodSeconds"), 0);
  assert.deepEqual(listIntegerOptions(new URLSearchParams("")), { limit: 0 });
});

test("a parameter that is not a base-10 int64 is a 400 with strconv's error", () => {
  for (const [value, why] of [
    ["20.0", "invalid syntax"],
    ["1e3", "invalid syntax"],
    ["abc", "invalid syntax"],
    ["", "invalid syntax"],
    [" 1", "invalid syntax"],
    ["1_000", "invalid syntax"],
    ["9223372036854775808", "value out of range"],
  ]) {
    const query = new URLSearchParams({ limit: value ?? "" });
    assert.equal(
      badRequestMessage(() => listIntegerOptions(query)),
      `strconv.ParseInt: parsing ${JSON.stringify(value)}: ${why}`,
    );
  }
});

test("timeoutSeconds is read before limit, as the generated conversion does", () => {
  const query = new URLSearchParams("limit=x&timeoutSeconds=y");
  assert.match(
    badRequestMessage(() => listIntegerOptions(query)),
    /parsing "y"/,
  );
});
