import { test } from "node:test";
import assert from "node:assert/strict";
import { discardLogger } from "../log/logger.js";
import type { RawWatchEvent, Transport, TransportRequest } from "../client/transport.js";
import { ConfigMap } from "../scheme/core_kinds.js";
import { controllerManagedBy } from "../builder/builder.js";
import { createManager } from "./manager.js";
import { parseBindAddress } from "./http_server.js";

/** A fake server with config maps: lists them, streams watch events the test pushes. */
function fakeServer() {
  const requests: TransportRequest[] = [];
  const watchers: ((event: RawWatchEvent) => void)[] = [];
  let resourceVersion = 10;
  const transport: Transport = {
    async request(req) {
      requests.push(req);
      if (req.method === "GET") return { metadata: { resourceVersion: String(resourceVersion) }, items: [] };
      if (req.method === "PUT" || req.method === "POST") {
        const obj = structuredClone(req.body) as ConfigMap;
        obj.metadata = { ...obj.metadata, resourceVersion: String(++resourceVersion) };
        return obj;
      }
      throw new Error(`unexpected ${req.method}`);
    },
    watch(req, onEvent) {
      req.onOpen?.();
      watchers.push(onEvent);
      return new Promise((resolve) => req.signal?.addEventListener("abort", () => resolve(), { once: true }));
    },
  };
  const push = (object: ConfigMap, type: RawWatchEvent["type"] = "ADDED") => {
    object.metadata = { ...object.metadata, resourceVersion: String(++resourceVersion) };
    for (const watcher of watchers) watcher({ type, object });
  };
  return { transport, requests, push, rv: () => String(resourceVersion) };
}

test("bind addresses follow controller-runtime: 0 disables, :port binds all, host:port one address", () => {
  assert.equal(parseBindAddress("0"), undefined);
  assert.equal(parseBindAddress(""), undefined);
  assert.deepEqual(parseBindAddress(":8080"), { port: 8080 });
  assert.deepEqual(parseBindAddress("127.0.0.1:0"), { host: "127.0.0.1", port: 0 });
  assert.deepEqual(parseBindAddress("[::1]:9090"), { host: "::1", port: 9090 });
  assert.throws(() => parseBindAddress("localhost"), /bind address "localhost": expected host:port/);
});

test("the manager serves probes and metrics, runs controllers and stops them", async () => {
  const server = fakeServer();
  const mgr = createManager({
    transport: server.transport,
    logger: discardLogger,
    metricsBindAddress: "127.0.0.1:0",
    healthProbeBindAddress: "127.0.0.1:0",
  });
  const seen: string[] = [];
  controllerManagedBy(mgr)
    .for(ConfigMap)
    .complete(async (req) => {
      seen.push(req.name);
    });
  let runnableStopped = false;
  mgr.add({
    needLeaderElection: false,
    start: (signal) =>
      new Promise<void>((resolve) =>
        signal.addEventListener("abort", () => {
          runnableStopped = true;
          resolve();
        }),
      ),
  });
  mgr.addReadyzCheck("custom", () => undefined);
  const running = mgr.start();
  await mgr.elected();
  assert.equal(await mgr.getCache().waitForCacheSync(), true);
  const { metrics, healthProbe } = mgr.servingAddresses();
  assert.equal((await fetch(`http://${healthProbe}/healthz`)).status, 200);
  const readyz = await fetch(`http://${healthProbe}/readyz?verbose`);
  assert.equal(readyz.status, 200);
  assert.match(await readyz.text(), /\[\+\]custom ok\n\[\+\]informers ok\n\[\+\]ping ok\nreadyz check passed/);
  assert.equal((await fetch(`http://${healthProbe}/readyz/custom`)).status, 200);
  assert.equal((await fetch(`http://${healthProbe}/nothing`)).status, 404);

  server.push({ metadata: { namespace: "ns", name: "a" } });
  for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(seen, ["a"]);
  const text = await (await fetch(`http://${metrics}/metrics`)).text();
  assert.match(text, /controller_runtime_reconcile_total\{controller="configmap",result="success"\} 1/);
  assert.match(text, /workqueue_adds_total\{name="configmap",controller="configmap"\} 1/);
  assert.match(text, /process_cpu_seconds_total/);

  await mgr.stop();
  await running;
  assert.equal(runnableStopped, true);
  await assert.rejects(fetch(`http://${healthProbe}/healthz`), "the probe server is closed");
  await assert.rejects(mgr.start(), /already started/);
});

test("reads through the manager's client wait for the manager's own writes to reach the cache", async () => {
  const server = fakeServer();
  const mgr = createManager({ transport: server.transport, logger: discardLogger, readYourWritesTimeoutMs: 2_000 });
  const client = mgr.getClient();
  mgr.getCache().getInformer(ConfigMap);
  const running = mgr.start();
  await mgr.getCache().waitForCacheSync();
  const created = await client.create<ConfigMap>({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { namespace: "ns", name: "mine" },
  });
  const result: { read?: ConfigMap } = {};
  const reading = client.get(ConfigMap, { namespace: "ns", name: "mine" }).then((obj) => (result.read = obj));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(result.read === undefined, "the read waits while the cache lags behind the write");
  server.push(structuredClone(created)); // the watch delivers the write
  const read = await reading;
  assert.equal(read.metadata?.name, "mine");
  await mgr.stop();
  await running;
});

test("a manager with leader election needs a lease name", () => {
  assert.throws(() => createManager({ transport: fakeServer().transport, leaderElection: true }), /leaderElectionId/);
});
