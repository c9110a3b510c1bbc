/** The path-by-path comparison reports what no allow rule explains, and only that. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareWithReference, type OpenApiSchema } from "./openapi_schema_compare.js";

const components: Record<string, OpenApiSchema> = {
  "io.k8s.api.core.v1.Port": {
    type: "object",
    required: ["port"],
    properties: {
      port: { type: "integer", format: "int32", default: 0, description: "The port\nnumber." },
      size: { allOf: [{ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity" }] },
    },
  },
  "io.k8s.apimachinery.pkg.api.resource.Quantity": { type: "string" },
};
const quantity = {
  anyOf: [{ type: "integer" }, { type: "string" }],
  pattern: "^[0-9]+$",
  "x-kubernetes-int-or-string": true,
};
const reference = components["io.k8s.api.core.v1.Port"] as OpenApiSchema;

test("equal schemas up to the allow rules give no difference", () => {
  const crdgen = {
    type: "object",
    required: ["port"],
    properties: { port: { type: "integer", format: "int32", description: "The port number." }, size: quantity },
  };
  const result = compareWithReference(crdgen, reference, components);
  assert.deepEqual(result.differences, []);
  assert.deepEqual([...result.allowed.keys()].sort(), ["quantity", "zero-value-default"]);
  assert.equal(result.paths, 3);
});

test("a different type, required list, missing property or wrong Quantity form is reported", () => {
  const crdgen = {
    type: "object",
    properties: { port: { type: "string", description: "The port number." }, size: { type: "string" } },
  };
  const result = compareWithReference(crdgen, reference, components, "spec");
  assert.deepEqual(result.differences.map((difference) => `${difference.path} ${difference.keyword}`).sort(), [
    "spec required",
    "spec.port format",
    "spec.port type",
    "spec.size not controller-gen's form of io.k8s.apimachinery.pkg.api.resource.Quantity",
  ]);
});
