import { test } from "node:test";
import assert from "node:assert/strict";
import { createJsonPatch } from "./json_patch.js";

test("an unchanged document gives no operations", () => {
  assert.deepEqual(createJsonPatch({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 }), []);
});

test("object keys: add new ones, replace changed scalars, remove gone ones, recurse into objects", () => {
  const from = { metadata: { name: "m", labels: { a: "1" } }, spec: { size: 1, gone: true } };
  const to = { metadata: { name: "m", labels: { a: "2", b: "3" } }, spec: { size: 2 } };
  assert.deepEqual(createJsonPatch(from, to), [
    { op: "replace", path: "/metadata/labels/a", value: "2" },
    { op: "add", path: "/metadata/labels/b", value: "3" },
    { op: "replace", path: "/spec/size", value: 2 },
    { op: "remove", path: "/spec/gone" },
  ]);
});

test("a value whose JSON type changed is replaced whole; null to null is no change", () => {
  assert.deepEqual(createJsonPatch({ a: 1, b: null }, { a: "1", b: null }), [
    { op: "replace", path: "/a", value: "1" },
  ]);
  assert.deepEqual(createJsonPatch({ a: { x: 1 } }, { a: [1] }), [{ op: "replace", path: "/a", value: [1] }]);
  assert.deepEqual(createJsonPatch({ a: 1 }, { a: null }), [{ op: "replace", path: "/a", value: null }]);
});

test("arrays as gomodules jsonpatch: tail removals from the end first, then additions, then common items", () => {
  assert.deepEqual(createJsonPatch({ l: [1, 2, 3, 4] }, { l: [9, 2] }), [
    { op: "remove", path: "/l/3" },
    { op: "remove", path: "/l/2" },
    { op: "replace", path: "/l/0", value: 9 },
  ]);
  assert.deepEqual(createJsonPatch({ l: [{ a: 1 }] }, { l: [{ a: 2 }, { b: 1 }, 3] }), [
    { op: "add", path: "/l/1", value: { b: 1 } },
    { op: "add", path: "/l/2", value: 3 },
    { op: "replace", path: "/l/0/a", value: 2 },
  ]);
});

test("keys with / and ~ are escaped as RFC 6901 says", () => {
  const patch = createJsonPatch({ metadata: {} }, { metadata: { "example.com/a~b": "v" } });
  assert.deepEqual(patch, [{ op: "add", path: "/metadata/example.com~1a~0b", value: "v" }]);
});
