import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClock } from "../../clock.js";
import { enqueueRequestForObject } from "../../handler/handler.js";
import { channelSource } from "../../source/source.js";
import { RuntimeMetrics } from "../../metrics/registry.js";
import { TerminalError, type Request } from "../../reconcile/reconcile.js";
import { Controller } from "./controller.js";

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const object = (name: string) => ({ metadata: { namespace: "ns", name } });

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test("a slow reconcile of one key does not delay other keys", async () => {
  const slow = deferred();
  const reconciled: string[] = [];
  const controller = new Controller({
    name: "t",
    maxConcurrentReconciles: 2,
    clock: new FakeClock(),
    reconciler: async (req: Request) => {
      if (req.name === "slow") await slow.promise;
      reconciled.push(req.name);
    },
  });
  const { source, emit } = channelSource(enqueueRequestForObject());
  controller.watch(source);
  const stop = new AbortController();
  const running = controller.start(stop.signal);
  emit(object("slow"));
  emit(object("fast1"));
  emit(object("fast2"));
  await tick();
  assert.deepEqual(reconciled, ["fast1", "fast2"]);
  slow.resolve();
  await tick();
  assert.deepEqual(reconciled, ["fast1", "fast2", "slow"]);
  stop.abort();
  await running;
});

test("1000 events for a key during its reconcile lead to exactly one more reconcile", async () => {
  const gate = deferred();
  let calls = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  const controller = new Controller({
    name: "t",
    maxConcurrentReconciles: 4,
    clock: new FakeClock(),
    reconciler: async () => {
      calls++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      if (calls === 1) await gate.promise;
      concurrent--;
    },
  });
  const { source, emit } = channelSource(enqueueRequestForObject());
  controller.watch(source);
  const stop = new AbortController();
  const running = controller.start(stop.signal);
  emit(object("a"));
  await tick();
  for (let i = 0; i < 1000; i++) emit(object("a"));
  await tick();
  assert.equal(calls, 1);
  gate.resolve();
  await tick();
  await tick();
  assert.equal(calls, 2);
  assert.equal(maxConcurrent, 1, "never two reconciles of one key at once");
  stop.abort();
  await running;
});

test("a failing reconcile is retried with growing delays, errors are counted, success resets", async () => {
  const clock = new FakeClock();
  const metrics = new RuntimeMetrics();
  const times: number[] = [];
  const controller = new Controller({
    name: "failing",
    clock,
    metrics,
    reconciler: async () => {
      times.push(clock.now());
      if (times.length <= 4) throw new Error("not yet");
    },
  });
  const { source, emit } = channelSource(enqueueRequestForObject());
  controller.watch(source);
  const stop = new AbortController();
  const running = controller.start(stop.signal);
  emit(object("a"));
  for (let i = 0; i < 200; i++) {
    await tick();
    clock.advance(1);
  }
  const gaps = times.slice(1).map((time, i) => time - (times[i] as number));
  assert.deepEqual(gaps, [5, 10, 20, 40]);
  assert.equal(await metrics.valueOf("controller_runtime_reconcile_errors_total", { controller: "failing" }), 4);
  assert.equal(
    await metrics.valueOf("controller_runtime_reconcile_total", { controller: "failing", result: "error" }),
    4,
  );
  assert.equal(
    await metrics.valueOf("controller_runtime_reconcile_total", { controller: "failing", result: "success" }),
    1,
  );
  assert.equal(await metrics.valueOf("workqueue_retries_total", { name: "failing" }), 4);
  assert.equal(controller.queue.numRequeues("ns/a"), 0, "success forgets the back-off");
  stop.abort();
  await running;
});

test("a terminal error is counted and not retried", async () => {
  const clock = new FakeClock();
  const metrics = new RuntimeMetrics();
  let calls = 0;
  const controller = new Controller({
    name: "terminal",
    clock,
    metrics,
    reconciler: async () => {
      calls++;
      throw new TerminalError("spec.size must be positive");
    },
  });
  const { source, emit } = channelSource(enqueueRequestForObject());
  controller.watch(source);
  const stop = new AbortController();
  const running = controller.start(stop.signal);
  emit(object("a"));
  await tick();
  clock.advance(100_000);
  await tick();
  assert.equal(calls, 1);
  assert.equal(
    await metrics.valueOf("controller_runtime_terminal_reconcile_errors_total", { controller: "terminal" }),
    1,
  );
  stop.abort();
  await running;
});

test("requeueAfter reconciles again after the delay", async () => {
  const clock = new FakeClock();
  const times: number[] = [];
  const controller = new Controller({
    name: "t",
    clock,
    reconciler: async () => {
      times.push(clock.now());
      return times.length < 3 ? { requeueAfter: 5000 } : undefined;
    },
  });
  const { source, emit } = channelSource(enqueueRequestForObject());
  controller.watch(source);
  const stop = new AbortController();
  const running = controller.start(stop.signal);
  emit(object("a"));
  await tick();
  clock.advance(4999);
  await tick();
  assert.equal(times.length, 1);
  clock.advance(1);
  await tick();
  clock.advance(5000);
  await tick();
  assert.deepEqual(times, [0, 5000, 10000]);
  stop.abort();
  await running;
});

test("stopping waits for a running reconcile, then aborts it after the graceful timeout", async () => {
  const clock = new FakeClock();
  let aborted = false;
  const controller = new Controller({
    name: "t",
    clock,
    gracefulShutdownTimeoutMs: 1000,
    reconciler: (_req, ctx) =>
      new Promise((resolve) => {
        ctx.signal.addEventListener("abort", () => {
          aborted = true;
          resolve();
        });
      }),
  });
  const { source, emit } = channelSource(enqueueRequestForObject());
  controller.watch(source);
  const stop = new AbortController();
  let stopped = false;
  const running = controller.start(stop.signal).then(() => (stopped = true));
  emit(object("a"));
  await tick();
  stop.abort();
  await tick();
  assert.equal(stopped, false, "waits for the running reconcile");
  emit(object("b"));
  clock.advance(1000);
  await running;
  assert.equal(aborted, true);
  assert.equal(stopped, true);
});
