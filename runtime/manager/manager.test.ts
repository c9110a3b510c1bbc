import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClock } from "../clock.js";
import { discardLogger } from "../log/logger.js";
import { isNotFound } from "../client/errors.js";
import { ConfigMap } from "../scheme/core_kinds.js";
import { controllerManagedBy } from "../builder/builder.js";
import { fakeConfigMapServer } from "../internal/testing/fake_transport.js";
import { createManager } from "./manager.js";
import { parseBindAddress } from "./http_server.js";

/** Lets every pending promise callback and I/O callback run; no time passes on any clock. */
async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A runnable that records when it starts and stops, and stops when told. */
function recorder(events: string[], name: string, needLeaderElection: boolean) {
  return {
    needLeaderElection,
    start: (signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        events.push(`${name} started`);
        signal.addEventListener("abort", () => {
          events.push(`${name} stopped`);
          resolve();
        });
      }),
  };
}

test("bind addresses follow controller-runtime: 0 disables, :port binds all, host:port one address", () => {
  assert.equal(parseBindAddress("0"), undefined);
  assert.equal(parseBindAddress(""), undefined);
  assert.deepEqual(parseBindAddress(":8080"), { port: 8080 });
  assert.deepEqual(parseBindAddress("127.0.0.1:0"), { host: "127.0.0.1", port: 0 });
  assert.deepEqual(parseBindAddress("[::1]:9090"), { host: "::1", port: 9090 });
  assert.throws(() => parseBindAddress("localhost"), /bind address "localhost": expected host:port/);
  assert.throws(
    () => createManager({ transport: fakeConfigMapServer().transport, healthProbeBindAddress: "localhost" }),
    /bind address "localhost"/,
  );
});

test("runnables start by group: the cache synced first, then the others, then the leader's; they stop in reverse", async () => {
  const server = fakeConfigMapServer();
  const mgr = createManager({ transport: server.transport, logger: discardLogger, clock: new FakeClock() });
  const events: string[] = [];
  const informer = mgr.getCache().getInformer(ConfigMap);
  mgr.add(recorder(events, "leader runnable", true));
  mgr.add({
    needLeaderElection: false,
    start: (signal) => {
      events.push(`other runnable started, cache synced: ${informer.hasSynced()}`);
      return recorder(events, "other runnable", false).start(signal);
    },
  });
  const running = mgr.start();
  await mgr.elected();
  await settle();
  assert.deepEqual(events, [
    "other runnable started, cache synced: true",
    "other runnable started",
    "leader runnable started",
  ]);
  assert.throws(() => mgr.add(async () => undefined), /add runnables before the manager starts/);

  await mgr.stop();
  await running;
  assert.deepEqual(events.slice(3), ["leader runnable stopped", "other runnable stopped"]);
  assert.equal(informer.hasSynced(), true);
  await assert.rejects(mgr.start(), /already started/);
});

test("the manager runs controllers on its cache", async () => {
  const server = fakeConfigMapServer();
  const mgr = createManager({ transport: server.transport, logger: discardLogger, clock: new FakeClock() });
  let reconciled!: (name: string) => void;
  const firstReconcile = new Promise<string>((resolve) => (reconciled = resolve));
  controllerManagedBy(mgr)
    .for(ConfigMap)
    .complete(async (req) => reconciled(req.name));
  const running = mgr.start();
  await mgr.elected();
  await settle();
  server.push({ metadata: { namespace: "ns", name: "a" } });
  assert.equal(await firstReconcile, "a");
  await settle(); // the outcome is counted once the reconciler has returned
  assert.match(
    await mgr.getMetrics().text(),
    /controller_runtime_reconcile_total\{controller="configmap",result="success"\} 1/,
  );
  await mgr.stop();
  await running;
});

test("stopping waits for runnables up to gracefulShutdownTimeoutMs on the manager's clock, then goes on", async () => {
  const clock = new FakeClock();
  const mgr = createManager({
    transport: fakeConfigMapServer().transport,
    logger: discardLogger,
    clock,
    gracefulShutdownTimeoutMs: 5_000,
  });
  mgr.add(() => new Promise<void>(() => undefined)); // ignores its signal
  const running = mgr.start();
  await mgr.elected();
  let stopped = false;
  const stopping = mgr.stop().then(() => (stopped = true));
  await settle();
  clock.advance(4_999);
  await settle();
  assert.equal(stopped, false, "still waiting 1 ms before the timeout");
  clock.advance(1);
  await stopping;
  await running;
});

test("a runnable's failure stops the others and rejects start with it", async () => {
  const mgr = createManager({
    transport: fakeConfigMapServer().transport,
    logger: discardLogger,
    clock: new FakeClock(),
  });
  const events: string[] = [];
  mgr.add(recorder(events, "other runnable", false));
  mgr.add(async () => {
    throw new Error("the runnable broke");
  });
  await assert.rejects(mgr.start(), /the runnable broke/);
  assert.deepEqual(events, ["other runnable started", "other runnable stopped"]);
});

test("reads through the manager's client wait for the manager's own writes to reach the cache", async () => {
  const server = fakeConfigMapServer();
  const clock = new FakeClock();
  const mgr = createManager({
    transport: server.transport,
    logger: discardLogger,
    clock,
    readYourWritesTimeoutMs: 2_000,
  });
  const client = mgr.getClient();
  mgr.getCache().getInformer(ConfigMap);
  const running = mgr.start();
  await mgr.elected();
  const write = (name: string) =>
    client.create<ConfigMap>({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "ns", name } });
  const created = await write("mine");
  const result: { read?: ConfigMap } = {};
  const reading = client.get(ConfigMap, { namespace: "ns", name: "mine" }).then((obj) => (result.read = obj));
  await settle();
  clock.advance(1_999);
  await settle();
  // Only the watch event or the timeout on the fake clock can end the wait: neither has happened.
  assert.equal(result.read, undefined, "the read waits while the cache lags behind the write");
  server.push(structuredClone(created)); // the watch delivers the write
  assert.equal((await reading).metadata?.name, "mine");

  await write("lost"); // its watch event never comes
  const lostRead = client.get(ConfigMap, { namespace: "ns", name: "lost" });
  let settled = false;
  void lostRead.catch(() => undefined).finally(() => (settled = true));
  await settle();
  clock.advance(1_999);
  await settle();
  assert.equal(settled, false, "still waiting 1 ms before readYourWritesTimeoutMs");
  clock.advance(1);
  await assert.rejects(lostRead, (err) => isNotFound(err), "after the timeout the read answers from the cache");
  await mgr.stop();
  await running;
});

test("a cache that does not sync within cacheSyncTimeoutMs fails the start, naming the option and the kind", async () => {
  const clock = new FakeClock();
  const mgr = createManager({
    transport: {
      request: () => Promise.reject(new Error("connection refused")),
      watch: () => Promise.reject(new Error("connection refused")),
    },
    logger: discardLogger,
    clock,
    cacheSyncTimeoutMs: 10_000,
  });
  mgr.getCache().getInformer(ConfigMap);
  const events: string[] = [];
  mgr.add(recorder(events, "other runnable", false));
  const running = mgr.start();
  await settle();
  clock.advance(10_000);
  await assert.rejects(running, /the cache did not sync within cacheSyncTimeoutMs \(10000 ms\): ConfigMap/);
  assert.deepEqual(events, [], "runnables that need the cache never started");
});

test("a manager with leader election needs a lease name", () => {
  assert.throws(
    () => createManager({ transport: fakeConfigMapServer().transport, leaderElection: true }),
    /leaderElectionId/,
  );
});
