import assert from "node:assert/strict";
import { test } from "node:test";
import { validateEmbeddedResources } from "./embedded_resource.js";
import { prune, type JsonSchema } from "./structural_schema.js";

const schema: JsonSchema = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      properties: {
        template: {
          type: "object",
          "x-kubernetes-embedded-resource": true,
          "x-kubernetes-preserve-unknown-fields": true,
        },
      },
    },
  },
};

test("an embedded resource needs apiVersion and kind", () => {
  assert.deepEqual(validateEmbeddedResources(schema, { spec: { template: { metadata: { name: "x" } } } }), [
    { type: "FieldValueRequired", field: "spec.template.apiVersion", detail: "Required value" },
    { type: "FieldValueRequired", field: "spec.template.kind", detail: "Required value" },
  ]);
});

test("an embedded resource's apiVersion, kind and metadata are checked; its name only as a path segment", () => {
  const template = { apiVersion: "a/b/c", kind: "Not A Kind", metadata: { name: "Not_Valid", finalizers: ["x/y/z"] } };
  const errors = validateEmbeddedResources(schema, { spec: { template } });
  assert.deepEqual(
    errors.map((error) => error.field),
    ["spec.template.apiVersion", "spec.template.kind", "spec.template.metadata.finalizers"],
  );
  assert.match(errors[0]?.detail ?? "", /unexpected GroupVersion string: a\/b\/c$/);
  assert.match(
    errors[1]?.detail ?? "",
    /^Invalid value: "Not A Kind": may have mixed case, but should otherwise match: a DNS-1035 label/,
  );
});

test("an embedded resource's metadata is pruned to ObjectMeta even where unknown fields are kept", () => {
  const object = {
    spec: { template: { apiVersion: "v1", kind: "Pod", metadata: { name: "a", bogus: 1 }, extra: { kept: true } } },
  };
  assert.deepEqual(prune(schema, object, "", true), ["spec.template.metadata.bogus"]);
  assert.deepEqual(object.spec.template, {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "a" },
    extra: { kept: true },
  });
});
