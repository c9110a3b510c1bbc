import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cloneJson, copyJsonTree, equalJson, stringifyJson } from "./deep_values.js";

/** Arrays and objects alternating, `depth` levels deep: deeper than V8's native recursion reaches. */
function deepValue(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value, 1] : { a: value, b: null };
  return value;
}

describe("deep JSON values", () => {
  it("serializes values of any depth as JSON.stringify does for shallow ones", () => {
    const deep = deepValue(10_000);
    assert.throws(() => JSON.stringify(deep), RangeError);
    const text = stringifyJson(deep);
    assert.ok(text.startsWith('[{"a":[{"a":'));
    assert.ok(text.endsWith(',"b":null},1],"b":null},1]'));
    const shallow = { a: [1, "x", null, { b: true }], c: undefined, d: {} };
    assert.equal(stringifyJson(shallow), JSON.stringify(shallow));
  });

  it("clones and compares values of any depth", () => {
    const deep = deepValue(10_000);
    const copy = cloneJson(deep);
    assert.notEqual(copy, deep);
    assert.equal(stringifyJson(copy), stringifyJson(deep));
    assert.ok(equalJson(deep, copy));
    assert.ok(!equalJson(deep, deepValue(9_999)));
    assert.ok(equalJson({ a: 1, b: undefined }, { a: 1 }));
    assert.ok(!equalJson({ a: [1, 2] }, { a: [1, 3] }));
  });

  it("gives each place a shared value was reached from its own copy", () => {
    const shared = { x: [1] };
    const copy = copyJsonTree({ a: shared, b: shared });
    assert.deepEqual(copy, { a: { x: [1] }, b: { x: [1] } });
    assert.notEqual(copy.a, copy.b);
  });
});
