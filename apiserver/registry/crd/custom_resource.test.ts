import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject } from "../../storage/types.js";
import { customResourceTypes, type CrdSpec } from "./custom_resource.js";

const spec: CrdSpec = {
  group: "example.com",
  names: { plural: "gadgets", kind: "Gadget" },
  scope: "Namespaced",
  versions: [
    {
      name: "v1",
      served: true,
      storage: true,
      subresources: {
        status: {},
        scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" },
      },
      schema: {
        openAPIV3Schema: {
          type: "object",
          properties: {
            spec: {
              type: "object",
              "x-kubernetes-validations": [{ rule: "self.replicas < 5" }],
              properties: { replicas: { type: "integer", minimum: 0 }, note: { type: "string" } },
            },
            status: { type: "object", properties: { replicas: { type: "integer" } } },
          },
        },
      },
    },
  ],
};

const [type] = customResourceTypes(spec);
const strategy = type?.strategy;
const gadget = (body: Record<string, unknown>): KubeObject =>
  ({ apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "g" }, ...body }) as KubeObject;
const render = (errors: { field: string; detail: string }[] | undefined) =>
  (errors ?? []).map((error) => `${error.field}: ${error.detail}`);

describe("custom resource strategy", () => {
  it("reports schema errors, then the scale subresource's, then skips CEL rules after a blocking error", () => {
    assert.deepEqual(render(strategy?.validate?.(gadget({ spec: { replicas: -1 } }), undefined)), [
      "spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0",
      ".spec.replicas: Invalid value: -1: should be a non-negative integer",
    ]);
    assert.deepEqual(render(strategy?.validate?.(gadget({ spec: { replicas: 9, note: 1 } }), undefined)), [
      'spec.note: Invalid value: "integer": spec.note in body must be of type string: "integer"',
      "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
    ]);
  });

  it("validates a /status write against the status schema, with paths relative to status", () => {
    const old = gadget({ spec: { replicas: 1 } });
    assert.deepEqual(
      render(
        strategy?.validate?.(gadget({ spec: { replicas: 1 }, status: { replicas: "x" } }), old, {
          previous: [],
          subresource: "status",
        }),
      ),
      [
        'status.replicas: Invalid value: "string": replicas in body must be of type integer: "string"',
        ".status.replicas: Invalid value: 0: .status.replicas accessor error: x is of the type string, expected int64",
        "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
      ],
    );
  });

  it("drops non-nullable nulls without a default before defaulting", () => {
    const object = gadget({ spec: { replicas: 1, note: null } });
    strategy?.normalize?.(object, { pruneUnknown: true });
    assert.deepEqual(object.spec, { replicas: 1 });
  });
});
