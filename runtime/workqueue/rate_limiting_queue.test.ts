import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClock } from "../clock.js";
import { RateLimitingQueue } from "./rate_limiting_queue.js";
import { ItemExponentialFailureRateLimiter } from "./rate_limiters.js";

test("a delayed add arrives when its time comes, not before", () => {
  const clock = new FakeClock();
  const queue = new RateLimitingQueue<string>({ clock });
  queue.addAfter("a", 1000);
  clock.advance(999);
  assert.equal(queue.len(), 0);
  clock.advance(1);
  assert.equal(queue.len(), 1);
});

test("an earlier requeueAfter wins over a pending later one, a later one does not move it", () => {
  const clock = new FakeClock();
  const queue = new RateLimitingQueue<string>({ clock });
  queue.addAfter("a", 10_000);
  queue.addAfter("a", 2_000);
  queue.addAfter("a", 5_000);
  clock.advance(2_000);
  assert.equal(queue.len(), 1);
  assert.equal(queue.waitingCount(), 0);
  clock.advance(10_000);
  assert.equal(queue.len(), 1, "the superseded 10 s entry does not add it again");
});

test("delayed items are released in time order", async () => {
  const clock = new FakeClock();
  const queue = new RateLimitingQueue<string>({ clock });
  queue.addAfter("c", 300);
  queue.addAfter("a", 100);
  queue.addAfter("b", 200);
  clock.advance(300);
  const order = [(await queue.get()).item, (await queue.get()).item, (await queue.get()).item];
  assert.deepEqual(order, ["a", "b", "c"]);
});

test("rate-limited retries grow and forget resets them", async () => {
  const clock = new FakeClock();
  const rateLimiter = new ItemExponentialFailureRateLimiter<string>({ baseDelayMs: 5, maxDelayMs: 1_000_000 });
  const queue = new RateLimitingQueue<string>({ clock, rateLimiter });
  let retries = 0;
  const seen: number[] = [];
  for (const expected of [5, 10, 20]) {
    queue.addRateLimited("a");
    retries++;
    const before = clock.now();
    while (queue.len() === 0) clock.advance(1);
    seen.push(clock.now() - before);
    assert.equal(seen.at(-1), expected);
    const { item } = await queue.get();
    queue.done(item as string);
  }
  assert.equal(queue.numRequeues("a"), retries);
  queue.forget("a");
  assert.equal(queue.numRequeues("a"), 0);
});

test("shutdown drops delayed adds", async () => {
  const clock = new FakeClock();
  const queue = new RateLimitingQueue<string>({ clock });
  queue.addAfter("a", 100);
  queue.shutDown();
  clock.advance(200);
  assert.equal(queue.len(), 0);
  assert.deepEqual(await queue.get(), { shutdown: true });
});
