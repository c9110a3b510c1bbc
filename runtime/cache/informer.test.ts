import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClock } from "../clock.js";
import type { KubernetesObject, ObjectList } from "../object.js";
import { defineGroupVersion, Scheme } from "../scheme/group_version.js";
import { ApiError } from "../client/errors.js";
import type { RawWatchEvent } from "../client/transport.js";
import type { ListerWatcher, WatchRequestOptions } from "./list_watcher.js";
import { Informer } from "./informer.js";
import { InformerCache } from "./cache.js";
import { isNotFound } from "../client/errors.js";

interface Widget extends KubernetesObject {
  spec?: { color?: string };
}
const Widget = defineGroupVersion({ group: "test.io", version: "v1", scheme: new Scheme() }).kind<Widget>({
  kind: "Widget",
  plural: "widgets",
});

function widget(name: string, rv: number, extra: Partial<Widget> = {}): Widget {
  return {
    metadata: { name, namespace: "ns", resourceVersion: String(rv), labels: { app: "x" } },
    spec: { color: "red" },
    ...extra,
  };
}

/** A scripted server: lists return `items`; each watch call is recorded and driven by the test. */
class FakeListerWatcher implements ListerWatcher {
  items: Widget[] = [];
  listRv = "10";
  lists = 0;
  watches: { request: WatchRequestOptions; emit: (event: RawWatchEvent) => void; end: (err?: unknown) => void }[] = [];
  listError: unknown;
  #watchArrived: (() => void)[] = [];

  async list(): Promise<ObjectList<KubernetesObject>> {
    this.lists++;
    if (this.listError) throw this.listError;
    return { metadata: { resourceVersion: this.listRv }, items: structuredClone(this.items) };
  }

  watch(request: WatchRequestOptions, onEvent: (event: RawWatchEvent) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      request.onOpen();
      request.signal.addEventListener("abort", () => resolve());
      this.watches.push({ request, emit: onEvent, end: (err) => (err ? reject(err) : resolve()) });
      for (const arrived of this.#watchArrived.splice(0)) arrived();
    });
  }

  /** Resolves once the n-th watch (1-based) has been opened. */
  async watchNumber(n: number): Promise<(typeof this.watches)[number]> {
    while (this.watches.length < n) await new Promise<void>((resolve) => this.#watchArrived.push(resolve));
    return this.watches[n - 1] as (typeof this.watches)[number];
  }
}

function record(informer: Informer): string[] {
  const events: string[] = [];
  informer.addEventHandler({
    onAdd: (obj) => events.push(`add ${obj.metadata?.name}@${obj.metadata?.resourceVersion}`),
    onUpdate: (_old, obj) => events.push(`update ${obj.metadata?.name}@${obj.metadata?.resourceVersion}`),
    onDelete: (obj) => events.push(`delete ${obj.metadata?.name}`),
  });
  return events;
}

test("the informer lists, syncs, then applies watch events from the list's resourceVersion", async () => {
  const lw = new FakeListerWatcher();
  lw.items = [widget("a", 5, { metadata: { name: "a", namespace: "ns", resourceVersion: "5", managedFields: [{}] } })];
  const informer = new Informer({ kind: Widget, listerWatcher: lw, clock: new FakeClock() });
  const events = record(informer);
  const stop = new AbortController();
  const running = informer.run(stop.signal);
  assert.equal(await informer.waitForSync(), true);
  const watch = await lw.watchNumber(1);
  assert.equal(watch.request.resourceVersion, "10");
  assert.equal(informer.store.get("ns/a")?.metadata?.managedFields, undefined, "managedFields stripped");
  assert.ok(Object.isFrozen(informer.store.get("ns/a")), "stored objects are frozen");
  assert.equal(informer.store.get("ns/a")?.kind, "Widget", "type meta filled in");

  watch.emit({ type: "ADDED", object: widget("b", 11) });
  watch.emit({ type: "MODIFIED", object: widget("a", 12) });
  watch.emit({ type: "DELETED", object: widget("b", 13) });
  watch.emit({ type: "BOOKMARK", object: { metadata: { resourceVersion: "20" } } });
  assert.deepEqual(events, ["add a@5", "add b@11", "update a@12", "delete b"]);
  assert.equal(informer.lastResourceVersion(), "20");
  stop.abort();
  await running;
});

test("a dropped watch resumes from the last resourceVersion without relisting", async () => {
  const lw = new FakeListerWatcher();
  const clock = new FakeClock();
  const informer = new Informer({ kind: Widget, listerWatcher: lw, clock });
  const stop = new AbortController();
  const running = informer.run(stop.signal);
  const first = await lw.watchNumber(1);
  first.emit({ type: "ADDED", object: widget("a", 15) });
  first.end(new Error("connection reset"));
  await new Promise((resolve) => setImmediate(resolve));
  assert.notEqual(informer.watchDownSince(), undefined, "the watch is reported down");
  clock.advance(1000);
  const second = await lw.watchNumber(2);
  assert.equal(second.request.resourceVersion, "15");
  assert.equal(lw.lists, 1);
  assert.equal(informer.watchDownSince(), undefined);
  stop.abort();
  await running;
});

test("a 410 Gone relists and delivers what changed during the outage", async () => {
  const lw = new FakeListerWatcher();
  lw.items = [widget("keep", 1), widget("change", 2), widget("gone", 3)];
  const informer = new Informer({ kind: Widget, listerWatcher: lw, clock: new FakeClock() });
  const events = record(informer);
  const stop = new AbortController();
  const running = informer.run(stop.signal);
  const first = await lw.watchNumber(1);
  lw.items = [widget("keep", 1), widget("change", 30), widget("new", 31)];
  lw.listRv = "40";
  first.emit({
    type: "ERROR",
    object: { kind: "Status", code: 410, reason: "Expired", message: "too old resource version" },
  });
  const second = await lw.watchNumber(2);
  assert.equal(lw.lists, 2);
  assert.equal(second.request.resourceVersion, "40");
  assert.deepEqual(events.slice(3).sort(), ["add new@31", "delete gone", "update change@30"]);
  stop.abort();
  await running;
});

test("a watch refused with 410 also relists", async () => {
  const lw = new FakeListerWatcher();
  const informer = new Informer({ kind: Widget, listerWatcher: lw, clock: new FakeClock() });
  const stop = new AbortController();
  const running = informer.run(stop.signal);
  const first = await lw.watchNumber(1);
  first.end(new ApiError({ code: 410, status: { reason: "Expired" }, request: { method: "GET", path: "/w" } }));
  await lw.watchNumber(2);
  assert.equal(lw.lists, 2);
  stop.abort();
  await running;
});

test("a failing list is retried with growing back-off", async () => {
  const lw = new FakeListerWatcher();
  lw.listError = new Error("connection refused");
  const clock = new FakeClock();
  const errors: string[] = [];
  const informer = new Informer({
    kind: Widget,
    listerWatcher: lw,
    clock,
    backoffInitialMs: 100,
    onError: (_err, phase) => errors.push(phase),
  });
  const stop = new AbortController();
  const running = informer.run(stop.signal);
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  await tick();
  assert.equal(lw.lists, 1);
  clock.advance(125);
  await tick();
  assert.equal(lw.lists, 2);
  clock.advance(150);
  await tick();
  assert.equal(lw.lists, 2, "the second wait is about twice as long");
  clock.advance(100);
  await tick();
  assert.equal(lw.lists, 3);
  assert.deepEqual(errors, ["list", "list", "list"]);
  assert.equal(informer.hasSynced(), false);
  lw.listError = undefined;
  clock.advance(1000);
  assert.equal(await informer.waitForSync(), true);
  stop.abort();
  await running;
});

test("resync delivers every object again as an update", async () => {
  const lw = new FakeListerWatcher();
  lw.items = [widget("a", 1)];
  const clock = new FakeClock();
  const informer = new Informer({ kind: Widget, listerWatcher: lw, clock, resyncPeriodMs: 1000 });
  const events = record(informer);
  const stop = new AbortController();
  const running = informer.run(stop.signal);
  await informer.waitForSync();
  clock.advance(1000);
  assert.deepEqual(events, ["add a@1", "update a@1"]);
  stop.abort();
  await running;
});

test("waitForResourceVersion resolves when the watch catches up, false after the bound", async () => {
  const lw = new FakeListerWatcher();
  const clock = new FakeClock();
  const informer = new Informer({ kind: Widget, listerWatcher: lw, clock });
  const stop = new AbortController();
  const running = informer.run(stop.signal);
  const watch = await lw.watchNumber(1);
  const timersBefore = clock.pendingTimers;
  const caughtUp = informer.waitForResourceVersion("12", 1000);
  watch.emit({ type: "ADDED", object: widget("a", 12) });
  assert.equal(await caughtUp, true);
  assert.equal(clock.pendingTimers, timersBefore, "the bound's timer is cancelled once the version is seen");
  const late = informer.waitForResourceVersion("99", 1000);
  clock.advance(1000);
  assert.equal(await late, false);
  stop.abort();
  await running;
});

test("cache reads return copies and use label and field indexes", async () => {
  const lw = new FakeListerWatcher();
  lw.items = [
    widget("a", 1),
    { metadata: { name: "b", namespace: "ns", resourceVersion: "2", labels: { app: "y" } }, spec: { color: "blue" } },
    {
      metadata: { name: "c", namespace: "other", resourceVersion: "3", labels: { app: "x" } },
      spec: { color: "blue" },
    },
  ];
  const cache = new InformerCache({ listerWatcherFor: () => lw, clock: new FakeClock() });
  cache.indexField(Widget, "spec.color", (obj) => [obj.spec?.color ?? ""]);
  const stop = new AbortController();
  const running = cache.start(stop.signal);
  assert.equal(await cache.waitForCacheSync(), true);

  const a = await cache.get(Widget, { namespace: "ns", name: "a" });
  a.spec = { color: "green" };
  assert.equal(
    (await cache.get(Widget, { namespace: "ns", name: "a" })).spec?.color,
    "red",
    "the cache is not corrupted",
  );
  await assert.rejects(cache.get(Widget, { namespace: "ns", name: "zzz" }), (err) => isNotFound(err));

  const names = async (options: Parameters<typeof cache.list>[1]) =>
    (await cache.list(Widget, options)).items.map((item) => item.metadata?.name).sort();
  assert.deepEqual(await names({}), ["a", "b", "c"]);
  assert.deepEqual(await names({ namespace: "ns" }), ["a", "b"]);
  assert.deepEqual(await names({ matchingLabels: { app: "x" } }), ["a", "c"]);
  assert.deepEqual(await names({ labelSelector: "app in (x,y),app!=y" }), ["a", "c"]);
  assert.deepEqual(await names({ matchingFields: { "spec.color": "blue" } }), ["b", "c"]);
  assert.deepEqual(await names({ namespace: "ns", matchingFields: { "spec.color": "blue" } }), ["b"]);
  await assert.rejects(cache.list(Widget, { matchingFields: { "spec.size": "1" } }), /no index for field "spec.size"/);
  stop.abort();
  await running;
});
