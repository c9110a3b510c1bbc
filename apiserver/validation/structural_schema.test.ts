import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { applyDefaults, prune, validateSchema, type JsonSchema } from "./structural_schema.js";
import { validateCelRules } from "./cel_rules.js";

const render = (errors: ReturnType<typeof validateSchema>) => errors.map((error) => `${error.field}: ${error.detail}`);

const schema: JsonSchema = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object",
      required: ["position"],
      properties: {
        position: { type: "string", enum: ["down", "up"] },
        replicas: { type: "integer", minimum: 0, maximum: 10, default: 1 },
        name: { type: "string", pattern: "^[a-z]+$", minLength: 2 },
        items: { type: "array", maxItems: 2, items: { type: "integer" } },
        port: { "x-kubernetes-int-or-string": true },
      },
    },
  },
};

describe("structural schema validation", () => {
  it("words errors as kube-apiserver does", () => {
    assert.deepEqual(render(validateSchema(schema, { spec: { position: "sideways" } }, "")), [
      'spec.position: Unsupported value: "sideways": supported values: "down", "up"',
    ]);
    assert.deepEqual(render(validateSchema(schema, { spec: {} }, "")), ["spec.position: Required value"]);
    assert.deepEqual(render(validateSchema(schema, { spec: { position: "up", replicas: 11 } }, "")), [
      "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10",
    ]);
    assert.deepEqual(render(validateSchema(schema, { spec: { position: "up", replicas: "two" } }, "")), [
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ]);
    assert.deepEqual(render(validateSchema(schema, { spec: { position: "up", name: "A" } }, "")), [
      'spec.name: Invalid value: "A": spec.name in body should be at least 2 chars long',
      "spec.name: Invalid value: \"A\": spec.name in body should match '^[a-z]+$'",
    ]);
    assert.deepEqual(render(validateSchema(schema, { spec: { position: "up", items: [1, 2, 3] } }, "")), [
      "spec.items: Too many: 3: must have at most 2 items",
    ]);
  });

  it("accepts integers and strings for x-kubernetes-int-or-string", () => {
    assert.deepEqual(validateSchema(schema, { spec: { position: "up", port: 80 } }, ""), []);
    assert.deepEqual(validateSchema(schema, { spec: { position: "up", port: "http" } }, ""), []);
    assert.equal(validateSchema(schema, { spec: { position: "up", port: true } }, "").length, 1);
  });

  it("defaults missing fields and prunes unknown ones, reporting their paths", () => {
    const object: Record<string, unknown> = { apiVersion: "x/v1", kind: "X", metadata: {}, spec: { position: "up", extra: 1 }, junk: true };
    assert.deepEqual(prune(schema, object, "", true).sort(), ["junk", "spec.extra"]);
    applyDefaults(schema, object);
    assert.deepEqual(object.spec, { position: "up", replicas: 1 });
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
    assert.deepEqual(render(validateCelRules(celSchema, { spec: { replicas: 5 } }, undefined)), ['spec: Invalid value: at most 3 replicas']);
  });

  it("evaluates transition rules (oldSelf) only on updates", () => {
    assert.deepEqual(validateCelRules(celSchema, { spec: { replicas: 1 } }, undefined), []);
    assert.deepEqual(render(validateCelRules(celSchema, { spec: { replicas: 1 } }, { spec: { replicas: 2 } })), [
      'spec: Invalid value: replicas may not decrease',
    ]);
  });
});
