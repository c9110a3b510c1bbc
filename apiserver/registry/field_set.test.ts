import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { describePath, fieldSetOf, fromFieldsV1, toFieldsV1 } from "./field_set.js";

describe("field sets", () => {
  it("round-trips through fieldsV1 with '.' on owned maps", () => {
    const set = fieldSetOf({ spec: { position: "up", list: [1] }, data: {} });
    const fields = toFieldsV1(set);
    assert.deepEqual(fields, { "f:data": {}, "f:spec": { ".": {}, "f:list": {}, "f:position": {} } });
    assert.deepEqual([...fromFieldsV1(fields)].sort(), [...set].sort());
  });

  it("describes paths as conflict messages do", () => {
    assert.equal(describePath([...fieldSetOf({ spec: { position: "up" } })].find((path) => path.includes("position")) ?? ""), ".spec.position");
  });
});
