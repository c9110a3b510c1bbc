/**
 * The MachineReconciler called directly, as the scaffolded controller test calls its reconciler,
 * on the runtime's FakeClient (no server): what it writes for each situation, and what it does
 * not. The rules themselves are in machine_plan.test.ts; the controller in a manager against an
 * API server is in test/integration/operator_machine.test.ts.
 */
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { ApiError, FakeClient, FakeClock, interceptClient, type Client, type KubernetesObject } from "uselessctl";
import { Machine, Switch } from "../api/v1alpha1/index.js";
import { reconcileContext } from "../test/suite.js";
import { MachineReconciler, indexSwitches } from "./machine_controller.js";
import { SEEN_AT_ANNOTATION, formatTime } from "./marks.js";
import { T0, machine, sw } from "./testing/fixtures.js";

const KEY = { namespace: "ns", name: "m" };
const SETTINGS = { flipDelayMs: 5000, flipIntervalMs: 5000 };
let fake: FakeClient;
let clock: FakeClock;

function newFake(...objects: KubernetesObject[]): FakeClient {
  fake = new FakeClient({ objects });
  indexSwitches(fake);
  return fake;
}

function reconciler(client: Client = fake): MachineReconciler {
  return new MachineReconciler({ client, settings: SETTINGS, clock });
}

/** The writes made since the last call, as "verb Kind name" (generated names shown as `*`). */
function writes(): string[] {
  const made = fake.actions.filter((action) => !/^(get|list) /.test(action));
  fake.actions.length = 0;
  return made.map((action) => action.replace(/ ns\/switch-[a-z0-9]+$/, " *").replace(" ns/", " "));
}

const getMachine = (): Promise<Machine> => fake.get(Machine, KEY);
const getSwitch = (name: string): Promise<Switch> => fake.get(Switch, { namespace: "ns", name });
const context = () => reconcileContext("machine");

function conflict(): ApiError {
  const message = "the object has been modified; please apply your changes to the latest version and try again";
  return new ApiError({
    code: 409,
    status: { kind: "Status", status: "Failure", code: 409, reason: "Conflict", message },
    request: { method: "PUT", path: "" },
  });
}

beforeEach(() => {
  clock = new FakeClock(T0);
});

test("a new machine gets its switches and one status write, and a second pass writes nothing", async () => {
  newFake(machine());
  const r = reconciler();
  assert.deepEqual(await r.reconcile(KEY, context()), {});
  assert.deepEqual(writes(), ["create Switch *", "create Switch *", "create Switch *", "update-status Machine m"]);
  const current = await getMachine();
  assert.equal(current.status?.positions, "ddd");
  assert.equal(current.status?.conditions?.[0]?.reason, "SwitchesReady");
  const created = (await fake.list(Switch, { namespace: "ns" })).items;
  for (const sw of created) {
    assert.match(sw.metadata?.name ?? "", /^switch-/);
    assert.deepEqual(sw.metadata?.labels, { machine: "m" });
    assert.deepEqual(sw.metadata?.ownerReferences, [
      {
        apiVersion: Machine.apiVersion,
        kind: "Machine",
        name: "m",
        uid: "uid-m",
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    assert.equal(sw.spec.position, "down");
  }

  assert.deepEqual(await r.reconcile(KEY, context()), {});
  assert.deepEqual(writes(), []);
});

test("an up switch is marked seen, then flipped down and cleared once the delay has passed", async () => {
  newFake(machine(), sw("a"), sw("b", { position: "up" }), sw("c"));
  const r = reconciler();
  assert.deepEqual(await r.reconcile(KEY, context()), { requeueAfter: 5000 });
  assert.equal((await getSwitch("b")).status?.seenAt, formatTime(T0));
  assert.equal((await getMachine()).status?.positions, "dud");

  clock.advance(5000);
  writes();
  assert.deepEqual(await r.reconcile(KEY, context()), {});
  assert.deepEqual(writes(), ["update Switch b", "update-status Switch b", "update-status Machine m"]);
  const flipped = await getSwitch("b");
  assert.equal(flipped.spec.position, "down");
  assert.equal(flipped.status?.seenAt, undefined);
  assert.equal((await getMachine()).status?.positions, "ddd");
});

test("the machine's own switch is flipped through its annotations and spec", async () => {
  newFake(machine({ switchPosition: "up" }), sw("a"), sw("b"), sw("c"));
  const r = reconciler();
  assert.deepEqual(await r.reconcile(KEY, context()), { requeueAfter: 5000 });
  assert.equal((await getMachine()).metadata?.annotations?.[SEEN_AT_ANNOTATION], formatTime(T0));
  clock.advance(5000);
  await r.reconcile(KEY, context());
  const flipped = await getMachine();
  assert.equal(flipped.spec.switchPosition, "down");
  assert.equal(flipped.metadata?.annotations?.[SEEN_AT_ANNOTATION], undefined);
  assert.equal(flipped.status?.observedGeneration, 2, "the status follows the generation the flip made");
});

test("switches created but not yet in the cache are not created again", async () => {
  newFake(machine());
  const lagging = new Set<string>();
  // A cache that has not seen the switches yet: lists leave them out.
  const client = interceptClient(fake, {
    async list(wrapped, kind, options) {
      const list = await wrapped.list(kind, options);
      return { ...list, items: list.items.filter((item) => !lagging.has(item.metadata?.name ?? "")) };
    },
  });
  const r = reconciler(client);
  await r.reconcile(KEY, context());
  for (const created of (await fake.list(Switch)).items) lagging.add(created.metadata?.name ?? "");
  writes();
  await r.reconcile(KEY, context());
  assert.deepEqual(writes(), []);
});

test("a conflicting write fails the reconcile, and the retry does not repeat what succeeded", async () => {
  newFake(machine());
  let failures = 1;
  const lagging = new Set<string>();
  const client = interceptClient(fake, {
    async list(wrapped, kind, options) {
      const list = await wrapped.list(kind, options);
      return { ...list, items: list.items.filter((item) => !lagging.has(item.metadata?.name ?? "")) };
    },
    async statusUpdate(wrapped, obj, options) {
      if (failures-- > 0) throw conflict();
      return wrapped.status().update(obj, options);
    },
  });
  const r = reconciler(client);
  await assert.rejects(r.reconcile(KEY, context()), /the object has been modified/);
  for (const created of (await fake.list(Switch)).items) lagging.add(created.metadata?.name ?? "");
  writes();
  await r.reconcile(KEY, context());
  assert.deepEqual(writes(), ["update-status Machine m"]);
  assert.equal((await getMachine()).status?.positions, "ddd");
});

test("a switch relabelled from another machine moves here: that machine's controller reference is replaced", async () => {
  const other = machine({ name: "other" });
  newFake(machine(), other, sw("a"), sw("b"), sw("c", { owner: other, label: "m" }));
  await reconciler().reconcile(KEY, context());
  assert.deepEqual(
    (await getSwitch("c")).metadata?.ownerReferences?.map((ref) => [ref.name, ref.uid, ref.controller]),
    [["m", "uid-m", true]],
  );
  assert.equal((await getMachine()).status?.switches, 3);
  assert.deepEqual(writes(), ["update Switch c", "update-status Machine m"]);
});

test("a released switch is replaced and no longer counted", async () => {
  newFake(machine(), sw("a"), sw("b"), sw("c", { label: null }));
  await reconciler().reconcile(KEY, context());
  assert.equal((await getSwitch("c")).metadata?.ownerReferences, undefined);
  assert.equal((await fake.list(Switch)).items.length, 4);
  assert.equal((await getMachine()).status?.switches, 3);
});

test("a machine that no longer exists is forgotten without writes", async () => {
  newFake();
  assert.deepEqual(await reconciler().reconcile(KEY, context()), {});
  assert.deepEqual(writes(), []);
});

test("a machine being deleted (foreground) gets no writes, not even a status", async () => {
  newFake(machine({ deleting: true }), sw("a", { position: "up" }));
  assert.deepEqual(await reconciler().reconcile(KEY, context()), {});
  assert.deepEqual(writes(), []);
});
