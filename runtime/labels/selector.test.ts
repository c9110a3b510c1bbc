import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFieldSelector, parseSelector, selectorFromLabelSelector } from "./selector.js";

test("string selectors parse every operator and match labels", () => {
  const selector = parseSelector("env=prod, tier!=db,app in (a, b),zone notin (x),gpu,!spot");
  assert.equal(selector.toString(), "app in (a,b),env=prod,gpu,!spot,tier!=db,zone!=x");
  assert.equal(selector.matches({ env: "prod", tier: "web", app: "a", gpu: "1" }), true);
  assert.equal(selector.matches({ env: "prod", tier: "web", app: "a", gpu: "1", spot: "" }), false);
  assert.equal(selector.matches({ env: "prod", tier: "db", app: "a", gpu: "1" }), false);
  assert.equal(selector.matches({ env: "prod", app: "c", gpu: "1" }), false);
  assert.equal(parseSelector("").empty, true);
  assert.equal(parseSelector("").matches(undefined), true);
});

test("bad selectors are refused naming the term", () => {
  assert.throws(() => parseSelector("a=b,c in x"), /cannot parse "c in x"/);
  assert.throws(
    () => selectorFromLabelSelector({ matchExpressions: [{ key: "a", operator: "In" }] }),
    /matchExpressions\[0\].values/,
  );
  assert.throws(() => parseFieldSelector("metadata.name"), /expected field=value/);
});

test("LabelSelector objects and field selectors convert", () => {
  const selector = selectorFromLabelSelector({
    matchLabels: { a: "1" },
    matchExpressions: [{ key: "b", operator: "Exists" }],
  });
  assert.equal(selector.toString(), "a=1,b");
  assert.deepEqual(parseFieldSelector("metadata.name=x,spec.node!=y"), [
    { field: "metadata.name", value: "x", negated: false },
    { field: "spec.node", value: "y", negated: true },
  ]);
});
