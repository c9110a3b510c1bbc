// The plan driven in a loop against an in-memory world, time advancing only to each requeueAfter:
// the timing rules hold over a whole episode, not just one step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { planMachine, type MachineMemory, type Target } from "./machine_plan.js";
import type { Machine, Switch } from "../api/v1alpha1/index.js";
import { FLIPPED_AT_ANNOTATION, SEEN_AT_ANNOTATION, formatTime } from "./marks.js";
import { machineStatus } from "./machine_status.js";
import type { OperatorSettings } from "./settings.js";
import { T0, at, machine, sw } from "./testing/fixtures.js";

interface World {
  machine: Machine;
  switches: Switch[];
  flips: { name: string; at: number }[];
  created: number;
}

function targetOf(world: World, target: Target): Switch | undefined {
  return target.kind === "switch"
    ? world.switches.find((s) => s.metadata?.name === target.switch.metadata?.name)
    : undefined;
}

/** Runs reconciles until the machine asks for no further wake-up; returns the world. */
function run(
  world: World,
  settings: OperatorSettings,
  start: number,
  memory: MachineMemory = { created: [], deleted: [] },
): World {
  let now = start;
  for (let step = 0; step < 100; step++) {
    const plan = planMachine({ machine: world.machine, switches: world.switches, now, settings, memory });
    const members = [...plan.members];
    for (const action of plan.actions) {
      if (action.type === "create") {
        const created = sw(`new-${world.created++}`, { createdAt: now });
        world.switches.push(created);
        members.push(created);
      } else if (action.type === "delete") {
        world.switches = world.switches.filter((s) => s !== action.switch);
      } else if (action.type === "flip") {
        const target = targetOf(world, action.target);
        world.flips.push({ name: target?.metadata?.name ?? "machine", at: action.at });
        if (target) {
          target.spec = { position: "down" };
          target.metadata = { ...target.metadata, annotations: { [FLIPPED_AT_ANNOTATION]: formatTime(action.at) } };
        } else {
          world.machine.spec = { ...world.machine.spec, switchPosition: "down" };
          world.machine.metadata = {
            ...world.machine.metadata,
            annotations: { [FLIPPED_AT_ANNOTATION]: formatTime(action.at) },
          };
        }
      } else if (action.type === "recordSeen") {
        const target = targetOf(world, action.target);
        if (target) target.status = { seenAt: formatTime(action.at) };
        else
          world.machine.metadata = {
            ...world.machine.metadata,
            annotations: { [SEEN_AT_ANNOTATION]: formatTime(action.at) },
          };
      } else if (action.type === "clearSeen") {
        const target = targetOf(world, action.target);
        if (target) target.status = {};
      }
    }
    memory.lastFlipAt = plan.lastFlipAt;
    world.machine.status = machineStatus(world.machine, members, now).status;
    if (plan.requeueAfterMs === undefined) return world;
    now += plan.requeueAfterMs;
  }
  throw new Error("the machine never settled");
}

test("two switches flipped up come back down at least 5 s after being seen and 5 s apart", () => {
  const world: World = {
    machine: machine(),
    switches: [sw("a", { position: "up" }), sw("b"), sw("c", { position: "up" })],
    flips: [],
    created: 0,
  };
  run(world, { flipDelayMs: 5000, flipIntervalMs: 5000 }, at(0));
  assert.deepEqual(world.flips, [
    { name: "a", at: at(5) },
    { name: "c", at: at(10) },
  ]);
  assert.equal(world.machine.status?.positions, "ddd");
  assert.equal(world.machine.status?.conditions?.[0]?.status, "True");
  assert.ok(
    world.switches.every((s) => s.status?.seenAt === undefined),
    "every seenAt is cleared",
  );
});

test("with short settings the same episode keeps the same shape", () => {
  const world: World = {
    machine: machine({ switchPosition: "up" }),
    switches: [sw("a", { position: "up" }), sw("b", { position: "up" }), sw("c")],
    flips: [],
    created: 0,
  };
  run(world, { flipDelayMs: 200, flipIntervalMs: 300 }, at(0));
  assert.deepEqual(
    world.flips.map((flip) => [flip.name, flip.at - T0]),
    [
      ["machine", 200],
      ["a", 500],
      ["b", 800],
    ],
  );
});

test("a new machine with its sample's switch up settles with every switch down and created once", () => {
  const world: World = { machine: machine({ switches: 3, switchPosition: "up" }), switches: [], flips: [], created: 0 };
  run(world, { flipDelayMs: 0, flipIntervalMs: 0 }, at(0));
  assert.equal(world.created, 3);
  assert.equal(world.machine.spec?.switchPosition, "down");
  assert.equal(world.machine.status?.positions, "ddd");
});
