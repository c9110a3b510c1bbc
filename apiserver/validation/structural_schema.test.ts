import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { applyDefaults, prune, pruneNulls, validateListSets, type JsonSchema } from "./structural_schema.js";
import { validateCelRules } from "./cel_rules.js";

const render = (errors: ReturnType<typeof validateCelRules>) =>
  errors.map((error) => `${error.field}: ${error.detail}`);

// Pruning keeps declared fields and defaulting fills missing ones.
const schema: JsonSchema = {
  type: "object",
  properties: {
    spec: { type: "object", properties: { position: { type: "string" }, replicas: { type: "integer", default: 1 } } },
  },
};

describe("structural schema passes", () => {
  it("defaults missing fields and prunes unknown ones, reporting their paths", () => {
    const object: Record<string, unknown> = {
      apiVersion: "x/v1",
      kind: "X",
      metadata: {},
      spec: { position: "up", extra: 1 },
      junk: true,
    };
    assert.deepEqual(prune(schema, object, "", true).sort(), ["junk", "spec.extra"]);
    applyDefaults(schema, object);
    assert.deepEqual(object.spec, { position: "up", replicas: 1 });
  });

  it("drops nulls of fields that are neither nullable nor defaulted, keeping the others for defaulting", () => {
    const nullable: JsonSchema = {
      type: "object",
      properties: {
        a: { type: "string" },
        b: { type: "string", nullable: true },
        c: { type: "integer", default: 1 },
        d: { type: "array", items: { type: "string" } },
      },
    };
    const object: Record<string, unknown> = { a: null, b: null, c: null, d: [null], unknown: null };
    pruneNulls(nullable, object);
    assert.deepEqual(object, { b: null, c: null, d: [null], unknown: null });
  });

  it("reports repeated items of list-type sets as duplicates", () => {
    const sets: JsonSchema = {
      type: "object",
      properties: { tags: { type: "array", "x-kubernetes-list-type": "set", items: { type: "string" } } },
    };
    assert.deepEqual(render(validateListSets(sets, { tags: ["a", "b", "a"] }, "")), ['tags[2]: Duplicate value: "a"']);
  });
});

describe("x-kubernetes-validations", () => {
  const celSchema: JsonSchema = {
    type: "object",
    properties: {
      spec: {
        type: "object",
        "x-kubernetes-validations": [
          { rule: "self.replicas + 1 <= 4", message: "at most 3 replicas" },
          { rule: "self.replicas >= oldSelf.replicas", message: "replicas may not decrease" },
        ],
        properties: { replicas: { type: "integer" } },
      },
    },
  };

  it("evaluates rules with CEL integers and reports the rule's message", () => {
    assert.deepEqual(validateCelRules(celSchema, { spec: { replicas: 2 } }, undefined), []);
    assert.deepEqual(render(validateCelRules(celSchema, { spec: { replicas: 5 } }, undefined)), [
      "spec: Invalid value: at most 3 replicas",
    ]);
  });

  it("evaluates transition rules (oldSelf) only on updates", () => {
    assert.deepEqual(validateCelRules(celSchema, { spec: { replicas: 1 } }, undefined), []);
    assert.deepEqual(render(validateCelRules(celSchema, { spec: { replicas: 1 } }, { spec: { replicas: 2 } })), [
      "spec: Invalid value: replicas may not decrease",
    ]);
  });
});

it("reports duplicates in list-type set and map lists, a map's by its key fields", () => {
  const lists: JsonSchema = {
    type: "object",
    properties: {
      tags: { type: "array", "x-kubernetes-list-type": "set", items: { type: "string" } },
      endpoints: {
        type: "array",
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": ["port", "host"],
        items: { type: "object" },
      },
    },
  };
  const value = {
    tags: ["a", "a"],
    endpoints: [
      { host: "h", port: 1 },
      { host: "h", port: 1, weight: 2 },
    ],
  };
  assert.deepEqual(validateListSets(lists, value, ""), [
    { type: "FieldValueDuplicate", field: "tags[1]", detail: 'Duplicate value: "a"' },
    { type: "FieldValueDuplicate", field: "endpoints[1]", detail: 'Duplicate value: {"host":"h","port":1}' },
  ]);
});
