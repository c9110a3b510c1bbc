import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { evaluateSimpleJsonPath, humanDuration, parseSimpleJsonPath } from "./printing.js";

describe("humanDuration", () => {
  const second = 1000;
  const cases: [number, string][] = [
    [-5 * second, "<invalid>"],
    [0, "0s"],
    [119 * second, "119s"],
    [150 * second, "2m30s"],
    [600 * second, "10m"],
    [3 * 3600 * second + 5 * 60 * second, "3h5m"],
    [30 * 3600 * second, "30h"],
    [3 * 86400 * second + 4 * 3600 * second, "3d4h"],
    [400 * 86400 * second, "400d"],
    [3 * 365 * 86400 * second + 10 * 86400 * second, "3y10d"],
  ];
  for (const [milliseconds, expected] of cases) {
    it(`prints ${milliseconds} ms as ${expected}`, () => assert.equal(humanDuration(milliseconds), expected));
  }
});

describe("simple JSONPath of printer columns", () => {
  it("reads fields, indexes and escaped dots", () => {
    const object = {
      status: { conditions: [{ type: "Ready" }] },
      metadata: { labels: { "app.kubernetes.io/name": "x" } },
    };
    assert.equal(evaluateSimpleJsonPath(object, parseSimpleJsonPath(".status.conditions[0].type")), "Ready");
    assert.equal(
      evaluateSimpleJsonPath(object, parseSimpleJsonPath(".metadata.labels.app\\.kubernetes\\.io/name")),
      "x",
    );
    assert.equal(evaluateSimpleJsonPath(object, parseSimpleJsonPath(".spec.missing")), undefined);
  });
});
