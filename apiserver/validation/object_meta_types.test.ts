import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../storage/types.js";
import { coerceObjectMetaTypes } from "./object_meta_types.js";

const withMetadata = (metadata: Record<string, unknown>): KubeObject => ({ metadata });

describe("coerceObjectMetaTypes", () => {
  it("decodes nulls to the zero value, as Go does", () => {
    const object = withMetadata({ name: null, finalizers: [null, "a"], labels: { a: null } });
    assert.equal(coerceObjectMetaTypes(object), undefined);
    assert.deepEqual(object.metadata, { finalizers: ["", "a"], labels: { a: "" } });
  });

  it("names the first value of another type with its JSON and Go types", () => {
    assert.deepEqual(coerceObjectMetaTypes(withMetadata({ finalizers: [true] })), {
      field: "metadata.finalizers",
      jsonType: "bool",
      goType: "string",
    });
    assert.deepEqual(coerceObjectMetaTypes(withMetadata({ labels: { a: 1 } })), {
      field: "metadata.labels",
      jsonType: "number",
      goType: "string",
    });
    assert.deepEqual(coerceObjectMetaTypes(withMetadata({ annotations: [] })), {
      field: "metadata.annotations",
      jsonType: "array",
      goType: "map[string]string",
    });
    assert.deepEqual(coerceObjectMetaTypes(withMetadata({ name: 5 })), {
      field: "metadata.name",
      jsonType: "number",
      goType: "string",
    });
  });
});
