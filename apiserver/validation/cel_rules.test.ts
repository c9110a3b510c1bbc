import assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { toCelValue, validateCelRules } from "./cel_rules.js";
import type { JsonSchema } from "./structural_schema.js";

const schema: JsonSchema = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      "x-kubernetes-validations": [{ rule: "self.min <= self.max", messageExpression: "'  min above max  '" }],
      properties: {
        min: { type: "integer" },
        max: { type: "integer" },
        level: {
          type: "integer",
          "x-kubernetes-validations": [
            {
              rule: "!oldSelf.hasValue() || self >= oldSelf.value()",
              optionalOldSelf: true,
              message: "may not decrease",
            },
          ],
        },
        mode: { type: "string", "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "immutable" }] },
      },
    },
  },
};

test("a failed rule shows a scalar value and omits an object's; messageExpression is trimmed", () => {
  assert.deepEqual(
    validateCelRules(schema, { spec: { min: 2, max: 1, mode: "b" } }, { spec: { min: 0, max: 1, mode: "a" } }),
    [
      { type: "FieldValueInvalid", field: "spec", detail: "Invalid value: min above max" },
      { type: "FieldValueInvalid", field: "spec.mode", detail: 'Invalid value: "b": immutable' },
    ],
  );
});

test("an optionalOldSelf rule runs on create with oldSelf none, and on update with the old value", () => {
  assert.deepEqual(validateCelRules(schema, { spec: { min: 0, max: 1, level: 1 } }, undefined), []);
  assert.deepEqual(
    validateCelRules(schema, { spec: { min: 0, max: 1, level: 1 } }, { spec: { min: 0, max: 1, level: 2 } }),
    [{ type: "FieldValueInvalid", field: "spec.level", detail: "Invalid value: 1: may not decrease" }],
  );
});

test("a transition rule without optionalOldSelf is skipped on create", () => {
  assert.deepEqual(validateCelRules(schema, { spec: { min: 0, max: 1, mode: "a" } }, undefined), []);
});

test("ratcheting: a rule without oldSelf failing on an unchanged value only warns", () => {
  const warnings: string[] = [];
  const old = { spec: { min: 0, max: 1, mode: "a", size: 9 } };
  const ratcheted: JsonSchema = {
    type: "object",
    properties: {
      spec: {
        type: "object",
        properties: {
          size: { type: "integer", "x-kubernetes-validations": [{ rule: "self <= 5", message: "too big" }] },
        },
      },
    },
  };
  assert.deepEqual(validateCelRules(ratcheted, { spec: { ...old.spec, mode: "b" } }, old, warnings), []);
  assert.deepEqual(warnings, ["spec.size: Invalid value: 9: too big"]);
  assert.deepEqual(validateCelRules(ratcheted, { spec: { ...old.spec, size: 8 } }, old), [
    { type: "FieldValueInvalid", field: "spec.size", detail: "Invalid value: 8: too big" },
  ]);
});

describe("toCelValue", () => {
  it("converts values nested as deep as the decoder allows, integers to int", () => {
    let value: unknown = 5;
    for (let level = 0; level < 10_000; level += 1) value = level % 2 ? [value] : { a: value };
    let converted = toCelValue(undefined, value);
    for (let level = 0; level < 10_000; level += 1)
      converted = Array.isArray(converted) ? converted[0] : (converted as { a: unknown }).a;
    assert.equal(converted, 5n);
  });

  it("keeps numbers where the schema says number, and field order", () => {
    const schema = { type: "object", properties: { n: { type: "number" }, i: { type: "integer" } } };
    assert.deepEqual(toCelValue(schema, { n: 2, i: 2, x: [1.5] }), { n: 2, i: 2n, x: [1.5] });
    assert.deepEqual(Object.keys(toCelValue(schema, { n: 2, i: 2 }) as object), ["n", "i"]);
  });
});
