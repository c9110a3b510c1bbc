import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { duplicateFields } from "./duplicate_fields.js";

describe("duplicateFields", () => {
  it("reports keys repeated in one object by their dotted path, in lists too", () => {
    assert.deepEqual(duplicateFields('{"spec":{"size":1,"size":2},"a":[{"k":"x\\"y","k":1}]}'), [
      "spec.size",
      "a[0].k",
    ]);
  });
  it("reports nothing for equal keys in different objects", () => {
    assert.deepEqual(duplicateFields('{"a":{"x":1},"b":{"x":[1, 2, {"x":null}]}}'), []);
  });
});

describe("duplicateFields on malformed text", () => {
  it("throws instead of scanning past the end", () => {
    assert.throws(() => duplicateFields('{"apiVersion": '));
    assert.throws(() => duplicateFields('{"a'));
  });
  it("throws on text that ends inside an array or object (it used to loop forever)", () => {
    for (const text of ["[", "[1,", '{"a":1', '{"a":[{"b":2}', "[[[["])
      assert.throws(() => duplicateFields(text), SyntaxError);
  });
});
