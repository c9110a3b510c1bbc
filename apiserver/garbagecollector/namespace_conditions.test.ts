import assert from "node:assert/strict";
import { test } from "node:test";
import { updatedConditions } from "./namespace_conditions.js";

const none = { resources: new Map<string, number>(), finalizers: new Map<string, number>() };

test("held content is reported sorted, the other conditions successful", () => {
  const conditions = updatedConditions(
    undefined,
    {
      resources: new Map([
        ["gizmos.example.com", 2],
        ["configmaps.", 1],
      ]),
      finalizers: new Map([
        ["b/x", 2],
        ["a/y", 1],
      ]),
    },
    "T1",
  );
  assert.deepEqual(
    conditions?.map((c) => [c.type, c.status, c.message]),
    [
      ["NamespaceDeletionDiscoveryFailure", "False", "All resources successfully discovered"],
      ["NamespaceDeletionGroupVersionParsingFailure", "False", "All legacy kube types successfully parsed"],
      ["NamespaceDeletionContentFailure", "False", "All content successfully deleted, may be waiting on finalization"],
      [
        "NamespaceContentRemaining",
        "True",
        "Some resources are remaining: configmaps. has 1 resource instances, gizmos.example.com has 2 resource instances",
      ],
      [
        "NamespaceFinalizersRemaining",
        "True",
        "Some content in the namespace has finalizers remaining: a/y in 1 resource instances, b/x in 2 resource instances",
      ],
    ],
  );
});

test("an unchanged pass writes nothing; a status change moves only that condition's time", () => {
  const held = { resources: new Map([["configmaps.", 1]]), finalizers: new Map([["a/y", 1]]) };
  const first = updatedConditions(undefined, held, "T1");
  assert.equal(updatedConditions(first, held, "T2"), undefined);
  const cleared = updatedConditions(first, none, "T3");
  assert.deepEqual(
    cleared?.map((c) => [c.type, c.status, c.lastTransitionTime]),
    [
      ["NamespaceDeletionDiscoveryFailure", "False", "T1"],
      ["NamespaceDeletionGroupVersionParsingFailure", "False", "T1"],
      ["NamespaceDeletionContentFailure", "False", "T1"],
      ["NamespaceContentRemaining", "False", "T3"],
      ["NamespaceFinalizersRemaining", "False", "T3"],
    ],
  );
});
