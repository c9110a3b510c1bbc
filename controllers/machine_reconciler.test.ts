import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { MachineReconciler } from "./machine_reconciler.js";
import { SEEN_AT_ANNOTATION, formatTime } from "./objects.js";
import type { OperatorSettings } from "./settings.js";
import { FakeStore } from "./testing/fake_store.js";
import { T0, at, machine, sw } from "./testing/fixtures.js";

const KEY = { namespace: "ns", name: "m" };
let store: FakeStore;
let now: number;

function reconciler(settings: OperatorSettings = { flipDelayMs: 5000, flipIntervalMs: 5000 }): MachineReconciler {
  return new MachineReconciler({ store, settings, clock: { now: () => now } });
}

function positions(): string | undefined {
  return store.machines.get("m")?.status?.positions;
}

beforeEach(() => {
  store = new FakeStore();
  now = T0;
  store.now = () => now;
});

test("a new machine gets its switches and one status write, and a second pass writes nothing", async () => {
  store.addMachine(machine());
  const r = reconciler();
  assert.deepEqual(await r.reconcile(KEY), {});
  assert.deepEqual(store.writes, [
    "create Switch switch-00000",
    "create Switch switch-00001",
    "create Switch switch-00002",
    "status Machine m",
  ]);
  assert.equal(positions(), "ddd");
  assert.equal(store.machines.get("m")?.status?.conditions?.[0]?.reason, "SwitchesReady");
  const created = [...store.switches.values()][0];
  assert.deepEqual(created?.metadata?.labels, { machine: "m" });
  assert.equal(created?.metadata?.ownerReferences?.[0]?.uid, "uid-m");
  assert.equal(created?.spec?.position, "down");

  store.writes.length = 0;
  assert.deepEqual(await r.reconcile(KEY), {});
  assert.deepEqual(store.writes, []);
});

test("an up switch is marked seen, then flipped down and cleared once the delay has passed", async () => {
  store.addMachine(machine());
  for (const name of ["a", "b", "c"]) store.addSwitch(sw(name, { position: name === "b" ? "up" : "down" }));
  const r = reconciler();
  assert.deepEqual(await r.reconcile(KEY), { requeueAfter: 5000 });
  assert.equal(store.switches.get("b")?.status?.seenAt, formatTime(T0));
  assert.equal(positions(), "dud");

  now = at(5);
  store.writes.length = 0;
  assert.deepEqual(await r.reconcile(KEY), {});
  assert.deepEqual(store.writes, ["update Switch b", "status Switch b", "status Machine m"]);
  assert.equal(store.switches.get("b")?.spec?.position, "down");
  assert.equal(store.switches.get("b")?.status?.seenAt, undefined);
  assert.equal(positions(), "ddd");
});

test("the machine's own switch is flipped through its annotations and spec", async () => {
  store.addMachine(machine({ switchPosition: "up" }));
  for (const name of ["a", "b", "c"]) store.addSwitch(sw(name));
  const r = reconciler();
  assert.deepEqual(await r.reconcile(KEY), { requeueAfter: 5000 });
  assert.equal(store.machines.get("m")?.metadata?.annotations?.[SEEN_AT_ANNOTATION], formatTime(T0));
  now = at(5);
  await r.reconcile(KEY);
  const flipped = store.machines.get("m");
  assert.equal(flipped?.spec?.switchPosition, "down");
  assert.equal(flipped?.metadata?.annotations?.[SEEN_AT_ANNOTATION], undefined);
  assert.equal(flipped?.status?.observedGeneration, 2, "the status follows the generation the flip made");
});

test("switches created but not yet in the cache are not created again", async () => {
  store.addMachine(machine());
  const r = reconciler();
  await r.reconcile(KEY);
  for (const name of store.switches.keys()) store.hiddenFromList.add(name);
  store.writes.length = 0;
  await r.reconcile(KEY);
  assert.deepEqual(store.writes, []);
});

test("a conflicting write fails the reconcile, and the retry does not repeat what succeeded", async () => {
  store.addMachine(machine());
  const r = reconciler();
  const realStatusWrite = store.updateMachineStatus.bind(store);
  store.updateMachineStatus = async () => {
    throw new Error("Conflict: the object has been modified");
  };
  await assert.rejects(r.reconcile(KEY), /Conflict/);
  store.updateMachineStatus = realStatusWrite;
  for (const name of store.switches.keys()) store.hiddenFromList.add(name);
  store.writes.length = 0;
  await r.reconcile(KEY);
  assert.deepEqual(store.writes, ["status Machine m"]);
  assert.equal(positions(), "ddd");
});

test("a released switch is replaced and no longer counted", async () => {
  store.addMachine(machine());
  for (const name of ["a", "b"]) store.addSwitch(sw(name));
  store.addSwitch(sw("c", { label: null }));
  await reconciler().reconcile(KEY);
  assert.deepEqual(store.switches.get("c")?.metadata?.ownerReferences, undefined);
  assert.equal(store.switches.size, 4);
  assert.equal(store.machines.get("m")?.status?.switches, 3);
});

test("a machine that no longer exists is forgotten without writes", async () => {
  assert.deepEqual(await reconciler().reconcile(KEY), {});
  assert.deepEqual(store.writes, []);
});

test("a machine being deleted (foreground) gets no writes, not even a status", async () => {
  store.addMachine(machine({ deleting: true }));
  store.addSwitch(sw("a", { position: "up" }));
  assert.deepEqual(await reconciler().reconcile(KEY), {});
  assert.deepEqual(store.writes, []);
});
