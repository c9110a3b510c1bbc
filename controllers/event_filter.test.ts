import { test } from "node:test";
import assert from "node:assert/strict";
import type { UpdateEvent } from "uselessctl";
import { Machine } from "../api/v1alpha1/index.js";
import { machineEventFilter } from "./event_filter.js";
import { FLIPPED_AT_ANNOTATION } from "./marks.js";

const base = { metadata: { name: "s", generation: 1, labels: { machine: "m" }, annotations: {}, ownerReferences: [] } };
const passes = (event: UpdateEvent): boolean => machineEventFilter.update?.(event) ?? true;

test("a spec change, a relabel, an owner change or a deletion starting is worth a reconcile", () => {
  const changes = [
    { ...base.metadata, generation: 2 },
    { ...base.metadata, labels: { machine: "other" } },
    { ...base.metadata, labels: {} },
    { ...base.metadata, ownerReferences: [{ apiVersion: Machine.apiVersion, kind: "Machine", name: "m", uid: "u" }] },
    { ...base.metadata, deletionTimestamp: "2026-01-01T00:00:00Z" },
  ];
  for (const metadata of changes)
    assert.equal(passes({ objectOld: base, objectNew: { metadata } }), true, JSON.stringify(metadata));
});

test("status-only and annotation-only updates (the controller's own marks) are dropped", () => {
  const annotated = { metadata: { ...base.metadata, annotations: { [FLIPPED_AT_ANNOTATION]: "x" } } };
  assert.equal(passes({ objectOld: base, objectNew: annotated }), false);
  assert.equal(passes({ objectOld: base, objectNew: { ...base, status: { seenAt: "x" } } as typeof base }), false);
});

test("creates and deletes always pass", () => {
  assert.equal(machineEventFilter.create?.({ object: base }) ?? true, true);
  assert.equal(machineEventFilter.delete?.({ object: base }) ?? true, true);
});
