import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { validateAgainstSchema } from "./openapi_validator.js";
import type { JsonSchema } from "./structural_schema.js";

const render = (errors: ReturnType<typeof validateAgainstSchema>) =>
  errors.map((error) => `${error.field}: ${error.detail}`);

const schema: JsonSchema = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object",
      required: ["position"],
      properties: {
        position: { type: "string", enum: ["down", "up"] },
        replicas: { type: "integer", minimum: 0, maximum: 10, multipleOf: 2, default: 1 },
        ratio: { type: "number", maximum: 1000000 },
        name: { type: "string", pattern: "^[a-z]+$", minLength: 2, maxLength: 4 },
        items: { type: "array", maxItems: 2, items: { type: "integer" } },
        port: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] },
        when: { type: "string", format: "date-time" },
      },
    },
  },
};

const validate = (spec: Record<string, unknown>) =>
  render(validateAgainstSchema(schema, { spec: { position: "up", ...spec } }));

describe("kube-openapi schema validation", () => {
  it("words errors as kube-apiserver does", () => {
    assert.deepEqual(render(validateAgainstSchema(schema, { spec: { position: "sideways" } })), [
      'spec.position: Unsupported value: "sideways": supported values: "down", "up"',
    ]);
    assert.deepEqual(render(validateAgainstSchema(schema, { spec: {} })), ["spec.position: Required value"]);
    assert.deepEqual(validate({ replicas: "two" }), [
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ]);
    assert.deepEqual(validate({ items: [1, "x", 3] }), [
      'spec.items[1]: Invalid value: "string": spec.items[1] in body must be of type integer: "string"',
      "spec.items: Too many: 3: must have at most 2 items",
    ]);
    assert.deepEqual(validate({ when: "yesterday" }), [
      'spec.when: Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"',
    ]);
  });

  it("reports a number's multipleOf, minimum and maximum in that order, integers against truncated bounds", () => {
    assert.deepEqual(validate({ replicas: 13 }), [
      "spec.replicas: Invalid value: 13: spec.replicas in body should be a multiple of 2",
      "spec.replicas: Invalid value: 13: spec.replicas in body should be less than or equal to 10",
    ]);
    assert.deepEqual(validate({ ratio: 2000000.5 }), [
      "spec.ratio: Invalid value: 2.0000005e+06: spec.ratio in body should be less than or equal to 1e+06",
    ]);
    assert.deepEqual(validate({ replicas: 2.5 }), [
      'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"',
      '<nil>: Invalid value: "": Checked value must be of type integer (default format) in spec.replicas',
      "spec.replicas: Invalid value: 2.5: spec.replicas in body should be a multiple of 2",
    ]);
  });

  it("checks an integer's format range and an object's property counts without stopping", () => {
    const counted: JsonSchema = {
      type: "object",
      properties: {
        small: { type: "integer", format: "int32" },
        map: { type: "object", minProperties: 2, additionalProperties: { type: "string", enum: ["a"] } },
      },
    };
    assert.deepEqual(render(validateAgainstSchema(counted, { small: 3000000000, map: { x: "b" } })), [
      '<nil>: Invalid value: "": Checked value must be of type integer with format int32 in small',
      "map: Invalid value: 1: map in body should have at least 2 properties",
      'map.x: Unsupported value: "b": supported values: "a"',
    ]);
  });

  it("reports only the first failing string check: maxLength, then minLength, then pattern", () => {
    assert.deepEqual(validate({ name: "ABCDEF" }), ["spec.name: Too long: may not be more than 4 bytes"]);
    assert.deepEqual(validate({ name: "A" }), [
      'spec.name: Invalid value: "A": spec.name in body should be at least 2 chars long',
    ]);
    assert.deepEqual(validate({ name: "AB" }), [
      "spec.name: Invalid value: \"AB\": spec.name in body should match '^[a-z]+$'",
    ]);
  });

  it("reports an anyOf that fails with its own error and the errors of the best branch", () => {
    assert.deepEqual(validate({ port: 80 }), []);
    assert.deepEqual(validate({ port: "http" }), []);
    assert.deepEqual(validate({ port: true }), [
      'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
      '<nil>: Invalid value: "": "spec.port" must validate at least one schema (anyOf)',
      'spec.port: Invalid value: "boolean": spec.port in body must be of type integer: "boolean"',
    ]);
  });

  it("rejects a null for a non-nullable type and prefixes paths for status validation", () => {
    assert.deepEqual(validate({ name: null }), [
      'spec.name: Invalid value: "null": spec.name in body must be of type string: "null"',
    ]);
    const status: JsonSchema = { type: "object", properties: { replicas: { type: "integer", minimum: 0 } } };
    assert.deepEqual(render(validateAgainstSchema(status, { replicas: -1 }, "status")), [
      "status.replicas: Invalid value: -1: replicas in body should be greater than or equal to 0",
    ]);
  });
});

describe("string formats", () => {
  const formats: JsonSchema = {
    type: "object",
    properties: {
      day: { type: "string", format: "date" },
      at: { type: "string", format: "date-time" },
      blob: { type: "string", format: "byte" },
    },
  };
  it("rejects dates and times that are not on the calendar or the clock, and unpadded base64", () => {
    assert.deepEqual(
      [{ day: "2024-13-45" }, { day: "2023-02-29" }, { at: "2024-01-01T24:00:00Z" }, { blob: "abc" }].map(
        (value) => render(validateAgainstSchema(formats, value)).length,
      ),
      [1, 1, 1, 1],
    );
  });
  it("accepts valid ones", () => {
    assert.deepEqual(
      render(
        validateAgainstSchema(formats, { day: "2024-02-29", at: "2024-02-29T23:59:59.5+01:00", blob: "aGVsbG8=" }),
      ),
      [],
    );
  });
});

describe("ratcheting on updates", () => {
  const tightened: JsonSchema = {
    type: "object",
    properties: {
      b: { type: "integer", maximum: 5 },
      ports: {
        type: "array",
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": ["name"],
        items: { type: "object", properties: { name: { type: "string" }, port: { type: "integer", maximum: 100 } } },
      },
    },
  };
  const old = { b: 9, ports: [{ name: "a", port: 500 }] };
  it("drops the errors of values equal to their correlated old values", () => {
    assert.deepEqual(
      render(
        validateAgainstSchema(
          tightened,
          {
            b: 9,
            ports: [
              { name: "new", port: 1 },
              { name: "a", port: 500 },
            ],
          },
          "",
          { value: old },
        ),
      ),
      [],
    );
  });
  it("keeps the errors of changed values, and of every value on create", () => {
    assert.equal(
      render(validateAgainstSchema(tightened, { b: 8, ports: [{ name: "a", port: 500 }] }, "", { value: old })).length,
      1,
    );
    assert.equal(render(validateAgainstSchema(tightened, old)).length, 2);
  });
});
