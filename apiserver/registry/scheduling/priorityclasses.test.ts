import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { rejection, tableCells } from "../strategy_testing.js";
import { strategies } from "./index.js";

const kind = { group: "scheduling.k8s.io", kind: "PriorityClass" };
const strategy = strategies.priorityclasses!;
const priorityClass = (name: string, fields: Record<string, unknown>): KubeObject => ({
  apiVersion: "scheduling.k8s.io/v1",
  kind: "PriorityClass",
  metadata: { name, creationTimestamp: "2026-01-01T00:00:00Z" },
  ...fields,
});

describe("priorityclasses strategy", () => {
  it("defaults preemptionPolicy and starts at generation 1", () => {
    const created = priorityClass("ck-pc", { value: 1000, description: "d" });
    assert.equal(rejection(strategy, kind, created), "");
    strategy.prepareForCreate?.(created);
    assert.equal(created.preemptionPolicy, "PreemptLowerPriority");
    assert.equal(created.metadata.generation, 1);
  });

  it("reserves system- names and caps user values, as kube-apiserver words it", () => {
    assert.equal(
      rejection(strategy, kind, priorityClass("ck-high", { value: 1000000001, preemptionPolicy: "Bad" })),
      'PriorityClass.scheduling.k8s.io "ck-high" is invalid: [value: Forbidden: maximum allowed value of a user defined priority is 1000000000, preemptionPolicy: Unsupported value: "Bad": supported values: "PreemptLowerPriority", "Never"]',
    );
    assert.equal(
      rejection(strategy, kind, priorityClass("system-foo", { value: 10 })),
      `PriorityClass.scheduling.k8s.io "system-foo" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-foo is not a known system priority class`,
    );
    assert.equal(
      rejection(strategy, kind, priorityClass("system-node-critical", { value: 10 })),
      `PriorityClass.scheduling.k8s.io "system-node-critical" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000`,
    );
    assert.equal(rejection(strategy, kind, priorityClass("system-node-critical", { value: 2000001000 })), "");
  });

  it("keeps value and preemptionPolicy fixed on update", () => {
    const old = priorityClass("ck-pc", { value: 1000, preemptionPolicy: "PreemptLowerPriority" });
    assert.equal(
      rejection(strategy, kind, priorityClass("ck-pc", { value: 1001, preemptionPolicy: "Never" }), old),
      'PriorityClass.scheduling.k8s.io "ck-pc" is invalid: [value: Forbidden: may not be changed in an update., preemptionPolicy: Invalid value: "Never": field is immutable]',
    );
    assert.equal(rejection(strategy, kind, priorityClass("ck-pc", { value: 1000, description: "new" }), old), "");
  });

  it("prints value, global default and preemption policy", () => {
    const object = priorityClass("ck-gd1", { value: 5, globalDefault: true, preemptionPolicy: "PreemptLowerPriority" });
    assert.deepEqual(tableCells(strategy, object, new Date("2026-01-01T00:00:00Z")), [
      "ck-gd1",
      5,
      true,
      "0s",
      "PreemptLowerPriority",
    ]);
  });
});
