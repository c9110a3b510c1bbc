import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { planMachine, type MachineAction, type MachineMemory, type PlanInput } from "./machine_plan.js";
import type { Switch } from "../api/v1alpha1/index.js";
import { FLIPPED_AT_ANNOTATION, SEEN_AT_ANNOTATION, formatTime } from "./marks.js";
import type { OperatorSettings } from "./settings.js";
import { T0, at, machine, ownerRef, sw } from "./testing/fixtures.js";

const DEFAULTS: OperatorSettings = { flipDelayMs: 5000, flipIntervalMs: 5000 };
const IMMEDIATE: OperatorSettings = { flipDelayMs: 0, flipIntervalMs: 0 };

/** The actions as short sentences: "create", "delete c", "flip a", "recordSeen machine @2s". */
function describeActions(actions: readonly MachineAction[]): string[] {
  return actions.map((action) => {
    if (action.type === "create") return "create";
    if ("switch" in action) return `${action.type} ${action.switch.metadata?.name}`;
    const target = action.target.kind === "machine" ? "machine" : action.target.switch.metadata?.name;
    return "at" in action ? `${action.type} ${target} @${(action.at - T0) / 1000}s` : `${action.type} ${target}`;
  });
}

function plan(input: Partial<PlanInput> & { switches: Switch[] }) {
  const result = planMachine({ machine: machine(), now: T0, settings: DEFAULTS, ...input });
  return { ...result, described: describeActions(result.actions) };
}

describe("scaling", () => {
  test("a new machine creates all its switches and nothing else", () => {
    const result = plan({ switches: [] });
    assert.deepEqual(result.described, ["create", "create", "create"]);
    assert.equal(result.requeueAfterMs, undefined);
  });

  test("an absent spec.switches means the CRD default of one switch", () => {
    const result = plan({ machine: { metadata: { name: "m", uid: "uid-m" }, spec: {} }, switches: [] });
    assert.deepEqual(result.described, ["create"]);
  });

  test("scaling up creates only the missing switches", () => {
    const result = plan({ machine: machine({ switches: 5 }), switches: [sw("a"), sw("b"), sw("c")] });
    assert.deepEqual(result.described, ["create", "create"]);
  });

  test("scaling down deletes the newest switches first", () => {
    const switches = [
      sw("e", { createdAt: 1 }),
      sw("a", { createdAt: 0 }),
      sw("d", { createdAt: 2 }),
      sw("b", { createdAt: 0 }),
      sw("c", { createdAt: 3 }),
    ];
    const result = plan({ machine: machine({ switches: 2 }), switches });
    assert.deepEqual(result.described, ["delete c", "delete d", "delete e"]);
    assert.deepEqual(
      result.members.map((s) => s.metadata?.name),
      ["a", "b"],
    );
  });

  test("a machine at its count with everything down does nothing", () => {
    const result = plan({ switches: [sw("a"), sw("b"), sw("c")] });
    assert.deepEqual(result.described, []);
    assert.equal(result.requeueAfterMs, undefined);
  });

  test("switches of other machines and those being deleted are not counted", () => {
    const other = machine({ name: "other" });
    const result = plan({
      switches: [sw("a"), sw("b", { deleting: true }), sw("x", { owner: other }), sw("y", { owner: other })],
    });
    assert.deepEqual(result.described, ["create", "create"]);
  });

  test("a machine being deleted writes nothing: the garbage collector removes its switches", () => {
    const result = plan({
      machine: machine({ deleting: true, switchPosition: "up" }),
      switches: [sw("a", { position: "up" })],
    });
    assert.deepEqual(result.described, []);
  });
});

describe("membership follows the machine label", () => {
  test("a switch relabelled from another machine is moved here", () => {
    const result = plan({
      switches: [sw("a"), sw("b"), sw("moved", { owner: machine({ name: "other" }), label: "m" })],
    });
    assert.deepEqual(result.described, ["adopt moved"]);
  });

  test("an unowned switch carrying the label is adopted and counted", () => {
    const result = plan({ switches: [sw("a"), sw("b"), sw("stray", { owner: null, label: "m" })] });
    assert.deepEqual(result.described, ["adopt stray"]);
  });

  test("a switch whose label was removed is released and replaced", () => {
    const result = plan({ switches: [sw("a"), sw("b"), sw("c", { label: null })] });
    assert.deepEqual(result.described, ["release c", "create"]);
  });

  test("a switch relabelled to another or an unknown machine is released and replaced", () => {
    const result = plan({ switches: [sw("a"), sw("b"), sw("c", { label: "nosuchmachine" })] });
    assert.deepEqual(result.described, ["release c", "create"]);
  });

  test("a switch controlled by something other than a Machine is left alone", () => {
    const foreign = { apiVersion: "apps/v1", kind: "Deployment", name: "m", uid: "uid-d", controller: true };
    const result = plan({ switches: [sw("a"), sw("b"), sw("c"), sw("d", { owner: foreign, label: "m" })] });
    assert.deepEqual(result.described, []);
  });

  test("a switch of an earlier machine of the same name is left to the garbage collector", () => {
    const earlier = machine({ uid: "uid-old" });
    const result = plan({ switches: [sw("a"), sw("b"), sw("c"), sw("d", { owner: earlier })] });
    assert.deepEqual(result.described, []);
  });

  test("adopted switches count towards the scale and are flipped like the others", () => {
    const result = plan({
      settings: IMMEDIATE,
      switches: [sw("a"), sw("b"), sw("stray", { owner: null, label: "m", position: "up" })],
    });
    assert.deepEqual(result.described, ["adopt stray", "flip stray @0s"]);
  });
});

describe("flipping with the default 5 s delay and interval", () => {
  test("a switch seen up for the first time gets seenAt and a wake-up when the delay ends", () => {
    const result = plan({ switches: [sw("a", { position: "up" }), sw("b"), sw("c")] });
    assert.deepEqual(result.described, ["recordSeen a @0s"]);
    assert.equal(result.requeueAfterMs, 5000);
  });

  test("before the delay has passed nothing is written and the wait is what is left", () => {
    const result = plan({ now: at(3), switches: [sw("a", { position: "up", seenAt: at(0) }), sw("b"), sw("c")] });
    assert.deepEqual(result.described, []);
    assert.equal(result.requeueAfterMs, 2000);
  });

  test("once the delay has passed the switch is flipped down and its seenAt cleared", () => {
    const result = plan({ now: at(5), switches: [sw("a", { position: "up", seenAt: at(0) }), sw("b"), sw("c")] });
    assert.deepEqual(result.described, ["flip a @5s", "clearSeen a"]);
    assert.equal(result.requeueAfterMs, undefined);
    assert.equal(result.lastFlipAt, at(5));
  });

  test("two due switches are flipped one interval apart, the one seen first going first", () => {
    const a = sw("a", { position: "up", seenAt: at(1) });
    const switches = [a, sw("b", { position: "up", seenAt: at(0) }), sw("c")];
    const first = plan({ now: at(6), switches });
    assert.deepEqual(first.described, ["flip b @6s", "clearSeen b"]);
    assert.equal(first.requeueAfterMs, 5000);
    const memory: MachineMemory = { lastFlipAt: first.lastFlipAt, created: [], deleted: [] };
    const tooEarly = plan({ now: at(9), memory, switches: [a, sw("b"), sw("c")] });
    assert.deepEqual(tooEarly.described, []);
    assert.equal(tooEarly.requeueAfterMs, 2000);
    const second = plan({ now: at(11), memory, switches: [a, sw("b"), sw("c")] });
    assert.deepEqual(second.described, ["flip a @11s", "clearSeen a"]);
  });

  test("switches seen at the same time go in name order", () => {
    const result = plan({
      now: at(5),
      switches: [sw("c", { position: "up", seenAt: at(0) }), sw("a", { position: "up", seenAt: at(0) }), sw("b")],
    });
    assert.deepEqual(result.described, ["flip a @5s", "clearSeen a"]);
  });

  test("the spacing survives a restart through the flipped-at annotation", () => {
    const result = plan({
      now: at(12),
      switches: [sw("a", { flippedAt: at(10) }), sw("b", { position: "up", seenAt: at(0) }), sw("c")],
    });
    assert.deepEqual(result.described, []);
    assert.equal(result.requeueAfterMs, 3000);
  });

  test("a flipped-at time in the future (a clock that went back) delays by one interval at most", () => {
    const result = plan({
      now: at(0),
      switches: [sw("a", { flippedAt: at(3600) }), sw("b", { position: "up", seenAt: at(-10) }), sw("c")],
    });
    assert.equal(result.requeueAfterMs, 5000);
  });

  test("a switch put back down by someone else has its seenAt cleared", () => {
    const result = plan({ switches: [sw("a", { seenAt: at(-2) }), sw("b"), sw("c")] });
    assert.deepEqual(result.described, ["clearSeen a"]);
    assert.equal(result.requeueAfterMs, undefined);
  });

  test("a switch being deleted by a scale-down is not flipped", () => {
    const result = plan({
      now: at(10),
      machine: machine({ switches: 1 }),
      switches: [sw("a"), sw("b", { createdAt: at(1), position: "up", seenAt: at(0) })],
    });
    assert.deepEqual(result.described, ["delete b"]);
  });
});

describe("the machine's own switchPosition", () => {
  test("is marked seen in an annotation, then flipped under the same rules", () => {
    const first = plan({ machine: machine({ switchPosition: "up" }), switches: [sw("a"), sw("b"), sw("c")] });
    assert.deepEqual(first.described, ["recordSeen machine @0s"]);
    assert.equal(first.requeueAfterMs, 5000);
    const later = plan({
      now: at(5),
      machine: machine({ switchPosition: "up", annotations: { [SEEN_AT_ANNOTATION]: formatTime(at(0)) } }),
      switches: [sw("a"), sw("b"), sw("c")],
    });
    // The machine's flip removes its seen-at annotation in the same write: no separate clear.
    assert.deepEqual(later.described, ["flip machine @5s"]);
  });

  test("shares the machine's flip interval with its switches", () => {
    const result = plan({
      now: at(5),
      machine: machine({
        switchPosition: "up",
        annotations: { [SEEN_AT_ANNOTATION]: formatTime(at(0)), [FLIPPED_AT_ANNOTATION]: formatTime(at(2)) },
      }),
      switches: [sw("a", { position: "up", seenAt: at(0) }), sw("b"), sw("c")],
    });
    assert.deepEqual(result.described, []);
    assert.equal(result.requeueAfterMs, 2000);
  });
});

describe("zero delays mean immediately", () => {
  test("with delay and interval 0 every up switch is flipped at once, with no seenAt writes", () => {
    const result = plan({
      settings: IMMEDIATE,
      machine: machine({ switchPosition: "up" }),
      switches: [sw("a", { position: "up" }), sw("b", { position: "up" }), sw("c")],
    });
    assert.deepEqual(result.described, ["flip machine @0s", "flip a @0s", "flip b @0s"]);
    assert.equal(result.requeueAfterMs, undefined);
  });

  test("with delay 0 but an interval, the first flips now and the waiting one is marked seen", () => {
    const result = plan({
      settings: { flipDelayMs: 0, flipIntervalMs: 5000 },
      switches: [sw("a", { position: "up" }), sw("b", { position: "up" }), sw("c")],
    });
    assert.deepEqual(result.described, ["flip a @0s", "recordSeen b @0s"]);
    assert.equal(result.requeueAfterMs, 5000);
  });
});

describe("what this process remembers between reconciles", () => {
  test("a switch it created that the cache does not show yet is not created again", () => {
    const created = sw("new", { createdAt: at(1) });
    const result = plan({ memory: { created: [created], deleted: [] }, switches: [sw("a"), sw("b")] });
    assert.deepEqual(result.described, []);
    assert.deepEqual(
      result.members.map((s) => s.metadata?.name),
      ["a", "b", "new"],
    );
  });

  test("a switch it deleted that the cache still shows is neither counted nor deleted again", () => {
    const result = plan({
      machine: machine({ switches: 2 }),
      memory: { created: [], deleted: ["c"] },
      switches: [sw("a"), sw("b"), sw("c", { createdAt: at(1) })],
    });
    assert.deepEqual(result.described, []);
  });

  test("a flip it remembers spaces the next one even before the cache shows the flip", () => {
    const result = plan({
      now: at(7),
      memory: { lastFlipAt: at(6), created: [], deleted: [] },
      switches: [sw("a", { position: "up", seenAt: at(0) }), sw("b", { position: "up", seenAt: at(0) }), sw("c")],
    });
    assert.deepEqual(result.described, []);
    assert.equal(result.requeueAfterMs, 4000);
  });
});

test("the owner reference fixture points at the machine as its controller", () => {
  assert.deepEqual(ownerRef(machine()), {
    apiVersion: "useless.container.training/v1alpha1",
    kind: "Machine",
    name: "m",
    uid: "uid-m",
    controller: true,
    blockOwnerDeletion: true,
  });
});
