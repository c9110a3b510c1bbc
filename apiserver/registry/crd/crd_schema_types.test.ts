import assert from "node:assert/strict";
import { test } from "node:test";
import { schemaTypeError } from "./crd_schema_types.js";

const at = "spec.versions.schema.openAPIV3Schema";

test("a draft-07 numeric exclusiveMinimum is a bool field's type error, with Go's field path", () => {
  const schema = { type: "object", properties: { a: { type: "integer", minimum: 1, exclusiveMinimum: 0 } } };
  assert.equal(
    schemaTypeError(schema, at),
    `json: cannot unmarshal number into Go struct field JSONSchemaProps.${at}.properties.exclusiveMinimum of type bool`,
  );
});

test("the first mismatch in document order wins, through items, allOf and additionalProperties", () => {
  assert.match(
    schemaTypeError({ properties: { a: { nullable: "yes", maxLength: "x" } } }, at) ?? "",
    /properties\.nullable of type bool$/,
  );
  assert.match(schemaTypeError({ items: [{ type: 3 }] }, at) ?? "", /items\.type of type string$/);
  assert.match(
    schemaTypeError({ allOf: [{ minimum: "x" }] }, at) ?? "",
    /string into .*allOf\.minimum of type float64$/,
  );
  assert.match(schemaTypeError({ additionalProperties: { exclusiveMaximum: 1 } }, at) ?? "", /additionalProperties/);
});

test("integer fields name the number they cannot hold; list items and structs name their own types", () => {
  assert.match(schemaTypeError({ maxLength: 1.5 }, at) ?? "", /number 1\.5 into .* of type int64$/);
  assert.match(schemaTypeError({ required: ["a", 5] }, at) ?? "", /number into .*required of type string$/);
  assert.match(schemaTypeError({ "x-kubernetes-validations": [{ rule: 5 }] }, at) ?? "", /field ValidationRule\./);
  assert.match(schemaTypeError(5, at) ?? "", /field CustomResourceValidation\..* of type v1\.JSONSchemaProps$/);
});

test("well-typed schemas, nulls and free-form JSON fields pass", () => {
  const schema = {
    type: "object",
    required: ["a"],
    properties: { a: { type: "integer", minimum: 1, exclusiveMinimum: true, default: { any: [1] }, enum: [1, "x"] } },
    additionalProperties: false,
    items: { type: "string", maxLength: null },
    dependencies: { a: ["b"], c: { type: "object" } },
  };
  assert.equal(schemaTypeError(schema, at), undefined);
  assert.equal(schemaTypeError(undefined, at), undefined);
});
