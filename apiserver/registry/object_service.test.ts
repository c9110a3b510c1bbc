import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isEmptyMetadataValue } from "./object_service.js";

describe("isEmptyMetadataValue", () => {
  it("is true for what ObjectMeta's omitempty encoding drops", () => {
    for (const empty of [null, "", [], {}]) assert.equal(isEmptyMetadataValue(empty), true, JSON.stringify(empty));
    for (const kept of ["x", ["f"], { a: "b" }, 0])
      assert.equal(isEmptyMetadataValue(kept), false, JSON.stringify(kept));
  });
});
