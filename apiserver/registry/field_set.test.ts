import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  appliedFieldSet,
  compareObjects,
  describePath,
  fromFieldsV1,
  joinPath,
  toFieldsV1,
  type ListSchema,
} from "./field_set.js";

const schema: ListSchema = {
  properties: {
    spec: {
      properties: {
        size: {},
        tags: {},
        labels: { additionalProperties: {} },
        ports: {
          "x-kubernetes-list-type": "map",
          "x-kubernetes-list-map-keys": ["port"],
          items: { properties: { port: {}, name: {} } },
        },
        ref: { "x-kubernetes-map-type": "atomic" },
      },
    },
  },
};

describe("field sets", () => {
  it("counts an applied struct only through its leaves, and map entries and list items themselves", () => {
    const set = appliedFieldSet(
      { spec: { size: 2, tags: ["a"], labels: { app: "x" }, ports: [{ port: 80, name: "http" }], ref: { name: "r" } } },
      schema,
    );
    assert.deepEqual(toFieldsV1(set), {
      "f:spec": {
        "f:labels": { "f:app": {} },
        "f:ports": { 'k:{"port":80}': { ".": {}, "f:name": {}, "f:port": {} } },
        "f:ref": {},
        "f:size": {},
        "f:tags": {},
      },
    });
  });

  it("counts fields the schema does not declare as map entries", () => {
    assert.deepEqual(toFieldsV1(appliedFieldSet({ spec: { extra: { a: 1 } } }, schema)), {
      "f:spec": { "f:extra": { ".": {}, "f:a": {} } },
    });
  });

  it("round-trips through fieldsV1", () => {
    const set = appliedFieldSet({ spec: { size: 2, labels: { app: "x" } } }, schema);
    assert.deepEqual([...fromFieldsV1(toFieldsV1(set))].sort(), [...set].sort());
  });

  it("compares leaves and marks maps and list items added or removed as a whole", () => {
    const before = { spec: { size: 1, ports: [{ port: 80, name: "a" }], ref: { name: "x" } } };
    const after = { spec: { size: 2, ports: [{ port: 81, name: "b" }], ref: { name: "y" } }, status: { ready: true } };
    const { added, modified, removed } = compareObjects(before, after, schema);
    assert.deepEqual(toFieldsV1(added), {
      "f:spec": { "f:ports": { 'k:{"port":81}': { ".": {}, "f:name": {}, "f:port": {} } } },
      "f:status": { ".": {}, "f:ready": {} },
    });
    assert.deepEqual(toFieldsV1(modified), { "f:spec": { "f:ref": {}, "f:size": {} } });
    assert.deepEqual(toFieldsV1(removed), {
      "f:spec": { "f:ports": { 'k:{"port":80}': { ".": {}, "f:name": {}, "f:port": {} } } },
    });
  });

  it("treats null as a present value and empty maps on both sides as a leaf", () => {
    const { added, modified } = compareObjects(
      { spec: {}, when: null },
      { spec: { size: 1 }, when: "now", empty: {} },
      schema,
    );
    assert.deepEqual(toFieldsV1(added), { "f:empty": {}, "f:spec": { "f:size": {} } });
    assert.deepEqual(toFieldsV1(modified), { "f:when": {} });
  });

  it("describes paths as conflict messages do", () => {
    assert.equal(describePath(joinPath(["f:spec", "f:position"])), ".spec.position");
  });
});
