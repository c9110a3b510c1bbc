import assert from "node:assert/strict";
import { test } from "node:test";
import { findJsonPathResults, JsonPathError, parseJsonPath } from "./jsonpath.js";

const lamp = {
  metadata: { name: "l", labels: { "app.kubernetes.io/name": "lamp" } },
  spec: { sizes: [1, 2, 3, 4], ratio: 0.5 },
  status: {
    conditions: [
      { type: "Progressing", status: "False", count: 1 },
      { type: "Ready", status: "True", count: 2 },
    ],
  },
};

const find = (path: string) => findJsonPathResults(lamp, parseJsonPath(path));

test("a filter selects the items whose field compares to a literal", () => {
  assert.deepEqual(find('.status.conditions[?(@.type=="Ready")].status'), ["True"]);
  assert.deepEqual(find(".status.conditions[?(@.type!='Ready')].type"), ["Progressing"]);
  assert.deepEqual(find(".status.conditions[?(@.count>1)].type"), ["Ready"]);
  assert.deepEqual(find(".status.conditions[?(@.missing)].type"), []);
  assert.deepEqual(find(".status.conditions[?(@.count)].type"), ["Progressing", "Ready"]);
});

test("operands of different kinds do not compare, as text/template's", () => {
  assert.throws(() => find(".status.conditions[?(@.count==1.0)].type"), JsonPathError);
  assert.throws(() => find('.status.conditions[?(@.count=="1")].type'), JsonPathError);
});

test("fields, escapes, indexes, slices, unions, wildcards and recursive descent", () => {
  assert.deepEqual(find(".metadata.labels.app\\.kubernetes\\.io/name"), ["lamp"]);
  assert.deepEqual(find(".metadata.labels['app.kubernetes.io/name']"), ["lamp"]);
  assert.deepEqual(find(".spec.sizes[-1]"), [4]);
  assert.deepEqual(find(".spec.sizes[1:3]"), [2, 3]);
  assert.deepEqual(find(".spec.sizes[0:4:2]"), [1, 3]);
  assert.deepEqual(find(".spec.sizes[0,2]"), [1, 3]);
  assert.deepEqual(find(".status.conditions[*].type"), ["Progressing", "Ready"]);
  assert.deepEqual(find("..status"), [lamp.status, "False", "True"]);
  assert.deepEqual(find("{.spec.missing.deeper}"), []);
  assert.throws(() => find(".spec.sizes[9]"), JsonPathError);
});
