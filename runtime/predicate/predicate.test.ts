import { test } from "node:test";
import assert from "node:assert/strict";
import type { KubernetesObject } from "../object.js";
import {
  and,
  annotationChangedPredicate,
  generationChangedPredicate,
  labelChangedPredicate,
  newPredicateFuncs,
  not,
  or,
  passes,
  resourceVersionChangedPredicate,
} from "./predicate.js";

const obj = (meta: NonNullable<KubernetesObject["metadata"]>): KubernetesObject => ({
  metadata: { name: "a", ...meta },
});
const update = (a: KubernetesObject, b: KubernetesObject) => ({ objectOld: a, objectNew: b });

test("built-in predicates filter updates by what changed and let other events through", () => {
  const base = obj({ generation: 1, resourceVersion: "1", labels: { a: "1" }, annotations: { x: "1" } });
  const statusOnly = obj({ generation: 1, resourceVersion: "2", labels: { a: "1" }, annotations: { x: "1" } });
  const specChange = obj({ generation: 2, resourceVersion: "3", labels: { a: "1" }, annotations: { x: "1" } });
  const relabel = obj({ generation: 1, resourceVersion: "4", labels: { a: "2" }, annotations: { x: "1" } });
  const reannotate = obj({ generation: 1, resourceVersion: "5", labels: { a: "1" }, annotations: {} });

  assert.equal(passes([generationChangedPredicate], "update", update(base, statusOnly)), false);
  assert.equal(passes([generationChangedPredicate], "update", update(base, specChange)), true);
  assert.equal(passes([generationChangedPredicate], "create", { object: base }), true);
  assert.equal(passes([labelChangedPredicate], "update", update(base, relabel)), true);
  assert.equal(passes([labelChangedPredicate], "update", update(base, statusOnly)), false);
  assert.equal(passes([annotationChangedPredicate], "update", update(base, reannotate)), true);
  assert.equal(passes([annotationChangedPredicate], "update", update(base, relabel)), false);
  assert.equal(passes([resourceVersionChangedPredicate], "update", update(base, base)), false, "resyncs are dropped");
  assert.equal(passes([resourceVersionChangedPredicate], "update", update(base, statusOnly)), true);
  assert.equal(passes([resourceVersionChangedPredicate], "delete", { object: base }), true);
});

test("and, or and not compose predicates", () => {
  const base = obj({ generation: 1, labels: { a: "1" } });
  const relabel = obj({ generation: 1, labels: { a: "2" } });
  const either = or(generationChangedPredicate, labelChangedPredicate);
  const both = and(generationChangedPredicate, labelChangedPredicate);
  assert.equal(passes([either], "update", update(base, relabel)), true);
  assert.equal(passes([both], "update", update(base, relabel)), false);
  assert.equal(passes([not(generationChangedPredicate)], "update", update(base, relabel)), true);
  assert.equal(
    passes([not(generationChangedPredicate)], "create", { object: base }),
    false,
    "not inverts the let-through default too",
  );
});

test("newPredicateFuncs filters every event by its object", () => {
  const onlyA = newPredicateFuncs((o) => o.metadata?.name === "a");
  assert.equal(passes([onlyA], "create", { object: obj({}) }), true);
  assert.equal(passes([onlyA], "delete", { object: { metadata: { name: "b" } } }), false);
  assert.equal(passes([onlyA], "update", update(obj({}), { metadata: { name: "b" } })), false);
});
