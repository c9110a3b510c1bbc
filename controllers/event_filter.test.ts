import { test } from "node:test";
import assert from "node:assert/strict";
import { updateMatters } from "./event_filter.js";
import { GROUP } from "./objects.js";

const base = { metadata: { name: "s", generation: 1, labels: { machine: "m" }, annotations: {}, ownerReferences: [] } };

test("a spec change, a relabel, an owner change or a deletion starting is worth a reconcile", () => {
  const changes = [
    { ...base.metadata, generation: 2 },
    { ...base.metadata, labels: { machine: "other" } },
    { ...base.metadata, labels: {} },
    { ...base.metadata, ownerReferences: [{ apiVersion: `${GROUP}/v1alpha1`, kind: "Machine", name: "m", uid: "u" }] },
    { ...base.metadata, deletionTimestamp: "2026-01-01T00:00:00Z" },
  ];
  for (const metadata of changes)
    assert.equal(updateMatters({ objectOld: base, objectNew: { metadata } }), true, JSON.stringify(metadata));
});

test("status-only and annotation-only updates (the controller's own marks) are dropped", () => {
  const annotated = { metadata: { ...base.metadata, annotations: { [`${GROUP}/flipped-at`]: "x" } } };
  assert.equal(updateMatters({ objectOld: base, objectNew: annotated }), false);
  assert.equal(
    updateMatters({ objectOld: base, objectNew: { ...base, status: { seenAt: "x" } } as typeof base }),
    false,
  );
});
