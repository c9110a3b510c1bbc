/** The apiextensions.k8s.io/v1 structural rules, one violation at a time. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { JSONSchemaProps } from "./model.js";
import { checkStructural } from "./structural_check.js";

const root = (spec: JSONSchemaProps, extra: JSONSchemaProps = {}): JSONSchemaProps => ({
  type: "object",
  properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, spec },
  ...extra,
});
const messages = (schema: JSONSchemaProps) =>
  checkStructural(schema).map((violation) => `${violation.path}: ${violation.message}`);

describe("checkStructural", () => {
  it("accepts a structural schema with int-or-string, preserve-unknown-fields and list maps", () => {
    const spec: JSONSchemaProps = {
      type: "object",
      properties: {
        port: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] },
        raw: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
        json: { "x-kubernetes-preserve-unknown-fields": true },
        ports: {
          type: "array",
          "x-kubernetes-list-type": "map",
          "x-kubernetes-list-map-keys": ["name"],
          items: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
        },
        size: { type: "integer", default: 1, minimum: 1, enum: [1, 2] },
      },
    };
    assert.deepEqual(messages(root(spec)), []);
  });

  it("requires a type at every level", () => {
    assert.deepEqual(messages(root({ type: "object", properties: { a: {} } })), [
      ".properties.spec.properties.a: type is required (every level of a structural schema has a type)",
    ]);
  });

  it("rejects $ref, definitions, and additionalProperties beside properties", () => {
    assert.deepEqual(messages(root({ $ref: "#/definitions/Spec" })), [
      ".properties.spec: $ref is not allowed: the schema must be inlined",
      ".properties.spec: type is required (every level of a structural schema has a type)",
    ]);
    assert.deepEqual(messages(root({ type: "object", definitions: {} })), [
      ".properties.spec: definitions are not allowed: the schema must be inlined",
    ]);
    assert.deepEqual(
      messages(
        root({ type: "object", properties: { a: { type: "string" } }, additionalProperties: { type: "string" } }),
      ),
      [".properties.spec: additionalProperties and properties are mutually exclusive"],
    );
  });

  it("rejects invalid defaults and enum values", () => {
    assert.deepEqual(messages(root({ type: "integer", minimum: 1, default: 0 })), [
      ".properties.spec: default is invalid: must be greater than or equal to 1, got 0",
    ]);
    assert.deepEqual(messages(root({ type: "string", enum: ["a", 1] })), [
      ".properties.spec: enum value 1 is invalid: must be of type string, got number 1",
    ]);
  });

  it("checks x-kubernetes-* placement and int-or-string's shape", () => {
    assert.deepEqual(messages(root({ type: "string", "x-kubernetes-list-type": "set" })), [
      ".properties.spec: x-kubernetes-list-type is only allowed on arrays",
    ]);
    assert.deepEqual(messages(root({ type: "array", items: { type: "string" }, "x-kubernetes-map-type": "atomic" })), [
      ".properties.spec: x-kubernetes-map-type is only allowed on objects",
    ]);
    assert.deepEqual(messages(root({ type: "string", "x-kubernetes-int-or-string": true })), [
      ".properties.spec: x-kubernetes-int-or-string: true requires type to be empty",
    ]);
    assert.deepEqual(
      messages(root({ "x-kubernetes-int-or-string": true, anyOf: [{ type: "string" }, { type: "integer" }] })),
      [".properties.spec: x-kubernetes-int-or-string requires anyOf to be [{type: integer}, {type: string}]"],
    );
    assert.deepEqual(messages(root({ type: "object", anyOf: [{ type: "object", description: "d" }] })), [
      ".properties.spec.anyOf[0]: type is not allowed inside anyOf/allOf/oneOf/not",
      ".properties.spec.anyOf[0]: description is not allowed inside anyOf/allOf/oneOf/not",
    ]);
    assert.deepEqual(messages(root({ type: "string", "x-kubernetes-embedded-resource": true })), [
      ".properties.spec: x-kubernetes-embedded-resource requires type: object",
      ".properties.spec: x-kubernetes-embedded-resource requires properties or x-kubernetes-preserve-unknown-fields: true",
    ]);
    assert.deepEqual(
      messages(
        root({
          type: "array",
          items: { type: "object", properties: { k: { type: "string" } } },
          "x-kubernetes-list-type": "map",
        }),
      ),
      [".properties.spec: x-kubernetes-list-type: map requires x-kubernetes-list-map-keys (+listMapKey)"],
    );
  });

  it("allows only name and generateName under the root metadata, and needs an object root", () => {
    const schema = root({ type: "object" });
    (schema.properties as Record<string, JSONSchemaProps>)["metadata"] = {
      type: "object",
      properties: { name: { type: "string" }, labels: { type: "object" } },
    };
    assert.deepEqual(messages(schema), [
      ".properties.metadata.properties.labels: only name and generateName may be specified under metadata",
    ]);
    assert.deepEqual(messages({ type: "string" }), [": the root schema must have type: object"]);
  });

  it("rejects uniqueItems: true, which the API server forbids", () => {
    assert.deepEqual(messages(root({ type: "array", items: { type: "string" }, uniqueItems: true })), [
      ".properties.spec: uniqueItems cannot be true (its cost is quadratic); use x-kubernetes-list-type: set",
    ]);
  });
});
