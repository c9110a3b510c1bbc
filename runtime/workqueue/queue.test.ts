import { test } from "node:test";
import assert from "node:assert/strict";
import { WorkQueue } from "./queue.js";

test("an item added many times while waiting is handed out once", async () => {
  const queue = new WorkQueue<string>();
  for (let i = 0; i < 1000; i++) queue.add("a");
  queue.add("b");
  assert.equal(queue.len(), 2);
  assert.deepEqual(await queue.get(), { shutdown: false, item: "a" });
  assert.deepEqual(await queue.get(), { shutdown: false, item: "b" });
  assert.equal(queue.len(), 0);
});

test("an item being processed is not handed out again until done, then exactly once more", async () => {
  const queue = new WorkQueue<string>();
  queue.add("a");
  const first = await queue.get();
  assert.equal(first.item, "a");
  for (let i = 0; i < 1000; i++) queue.add("a");
  assert.equal(queue.len(), 0, "not queued while processing");
  queue.done("a");
  assert.equal(queue.len(), 1);
  assert.equal((await queue.get()).item, "a");
  queue.done("a");
  assert.equal(queue.len(), 0);
});

test("a waiting get is woken by an add and by shutdown", async () => {
  const queue = new WorkQueue<string>();
  const pending = queue.get();
  queue.add("x");
  assert.deepEqual(await pending, { shutdown: false, item: "x" });
  const second = queue.get();
  queue.shutDown();
  assert.deepEqual(await second, { shutdown: true });
  queue.add("y");
  assert.deepEqual(await queue.get(), { shutdown: true }, "no work is taken after shutdown");
});

test("drained resolves when in-flight items are done", async () => {
  const queue = new WorkQueue<string>();
  queue.add("a");
  await queue.get();
  let drained = false;
  const wait = queue.drained().then(() => (drained = true));
  await Promise.resolve();
  assert.equal(drained, false);
  queue.done("a");
  await wait;
  assert.equal(drained, true);
});

test("items are handed out in first-added order", async () => {
  const queue = new WorkQueue<number>();
  for (let i = 0; i < 3000; i++) queue.add(i);
  for (let i = 0; i < 3000; i++) assert.equal((await queue.get()).item, i);
});
