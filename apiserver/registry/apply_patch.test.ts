import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { managerLabel, mergeApplied, removePaths } from "./apply_patch.js";
import { itemKey, joinPath, type ListSchema } from "./field_set.js";

const path = (...segments: string[]) => joinPath(segments);
const httpKey = itemKey({ name: "http" }, ["name"]);

describe("removePaths", () => {
  const note: ListSchema & { nullable: boolean } = { nullable: true, properties: { text: {} } };
  const schema: ListSchema = { properties: { spec: { properties: { note } }, status: {} } };

  it("removes a list-map its last item left empty, and keeps a map that still has fields", () => {
    const object = { spec: { a: "x", b: "y", ports: [{ name: "http", port: 80 }] } };
    removePaths(
      object,
      [path("f:spec", "f:a"), path("f:spec", "f:ports", httpKey), path("f:spec", "f:ports", httpKey, "f:port")],
      schema,
    );
    assert.deepEqual(object, { spec: { b: "y" } });
  });

  it("removes a map whose every field is removed, or makes it null when the schema makes it nullable", () => {
    const object = { spec: { a: "x", note: { text: "t" } }, status: { phase: "p" } };
    removePaths(object, [path("f:spec", "f:note", "f:text")], schema);
    assert.deepEqual(object, { spec: { a: "x", note: null }, status: { phase: "p" } });
    removePaths(object, [path("f:spec", "f:a"), path("f:spec", "f:note")], schema);
    assert.deepEqual(object, { status: { phase: "p" } });
  });
});

describe("mergeApplied", () => {
  const schema: ListSchema = {
    properties: {
      selector: { "x-kubernetes-map-type": "atomic", additionalProperties: {} },
      labels: { additionalProperties: {} },
      hosts: { items: {} },
    },
  };

  it("replaces an atomic map and an atomic list whole, and merges a granular map", () => {
    const live = { selector: { app: "a", tier: "web" }, labels: { a: "1" }, hosts: ["h1", "h2"] };
    const applied = { selector: { app: "b" }, labels: { b: "2" }, hosts: ["h3"] };
    assert.deepEqual(mergeApplied(live, applied, schema), {
      selector: { app: "b" },
      labels: { a: "1", b: "2" },
      hosts: ["h3"],
    });
  });
});

describe("managerLabel", () => {
  const fields = { fieldsType: "FieldsV1" as const, fieldsV1: {} };
  it("names the subresource, and the version of an Update", () => {
    assert.equal(
      managerLabel({ ...fields, manager: "c", operation: "Apply", apiVersion: "g/v1", subresource: "status" }),
      '"c" with subresource "status"',
    );
    assert.equal(
      managerLabel({ ...fields, manager: "c", operation: "Update", apiVersion: "g/v1", subresource: "status" }),
      '"c" with subresource "status" using g/v1',
    );
    assert.equal(managerLabel({ ...fields, manager: "c", operation: "Update", apiVersion: "v1" }), '"c" using v1');
  });
});
