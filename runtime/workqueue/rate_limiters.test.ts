import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClock } from "../clock.js";
import { BucketRateLimiter, ItemExponentialFailureRateLimiter, defaultControllerRateLimiter } from "./rate_limiters.js";

test("per-item back-off doubles from 5 ms and caps at 1000 s", () => {
  const limiter = new ItemExponentialFailureRateLimiter<string>({ baseDelayMs: 5, maxDelayMs: 1_000_000 });
  const delays = Array.from({ length: 6 }, () => limiter.when("a"));
  assert.deepEqual(delays, [5, 10, 20, 40, 80, 160]);
  for (let i = 0; i < 100; i++) limiter.when("a");
  assert.equal(limiter.when("a"), 1_000_000);
  assert.equal(limiter.when("b"), 5, "items back off independently");
  limiter.forget("a");
  assert.equal(limiter.numRequeues("a"), 0);
  assert.equal(limiter.when("a"), 5, "forget resets the back-off");
});

test("the bucket lets a burst of 100 through, then spaces retries at 10 per second", () => {
  const clock = new FakeClock();
  const bucket = new BucketRateLimiter<string>({ qps: 10, burst: 100, clock });
  for (let i = 0; i < 100; i++) assert.equal(bucket.when(`k${i}`), 0);
  assert.equal(Math.round(bucket.when("x")), 100);
  assert.equal(Math.round(bucket.when("y")), 200);
  clock.advance(1000);
  // Ten tokens accrued in a second, two of them already reserved.
  assert.equal(Math.round(bucket.when("z")), 0);
});

test("the default limiter takes the larger of back-off and bucket", () => {
  const clock = new FakeClock();
  const limiter = defaultControllerRateLimiter<string>(clock);
  assert.equal(limiter.when("a"), 5);
  assert.equal(limiter.when("a"), 10);
  for (let i = 0; i < 98; i++) limiter.when(`other${i}`);
  // The bucket is now empty: a fresh item's 5 ms back-off is outweighed by the bucket's 100 ms.
  assert.equal(Math.round(limiter.when("fresh")), 100);
  assert.equal(limiter.numRequeues("a"), 2);
});
