import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { validateScaleSpec, validateScaleStatus } from "./scale_validation.js";

const render = (errors: ReturnType<typeof validateScaleSpec>) =>
  errors.map((error) => `${error.field}: ${error.detail}`);
const scale = {
  specReplicasPath: ".spec.replicas",
  statusReplicasPath: ".status.replicas",
  labelSelectorPath: ".status.selector",
};

describe("scale subresource validation", () => {
  it("accepts absent or valid replicas and nothing without a scale subresource", () => {
    assert.deepEqual(validateScaleSpec({ spec: {} }, scale), []);
    assert.deepEqual(validateScaleSpec({ spec: { replicas: 3 } }, scale), []);
    assert.deepEqual(validateScaleSpec({ spec: { replicas: -1 } }, undefined), []);
  });

  it("words the errors as apiextensions' customResourceValidator", () => {
    assert.deepEqual(render(validateScaleSpec({ spec: { replicas: -1 } }, scale)), [
      ".spec.replicas: Invalid value: -1: should be a non-negative integer",
    ]);
    assert.deepEqual(render(validateScaleSpec({ spec: { replicas: 2147483648 } }, scale)), [
      ".spec.replicas: Invalid value: 2147483648: should be less than or equal to 2147483647",
    ]);
    assert.deepEqual(render(validateScaleSpec({ spec: { replicas: "two" } }, scale)), [
      ".spec.replicas: Invalid value: 0: .spec.replicas accessor error: two is of the type string, expected int64",
    ]);
    assert.deepEqual(render(validateScaleSpec({ spec: "x" }, scale)), [
      ".spec.replicas: Invalid value: 0: .spec accessor error: x is of the type string, expected map[string]interface{}",
    ]);
    assert.deepEqual(render(validateScaleStatus({ status: { replicas: 1.5, selector: 3 } }, scale)), [
      ".status.replicas: Invalid value: 0: .status.replicas accessor error: 1.5 is of the type float64, expected int64",
      '.status.selector: Invalid value: "": .status.selector accessor error: 3 is of the type int64, expected string',
    ]);
  });
});
