import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { otherKindDecodeError } from "./builtin_decoding.js";
import { goBase64ErrorOffset } from "./go_unmarshal.js";

// Offsets are what Go 1.26's base64.StdEncoding.DecodeString reports for the same input.
const cases: [input: string, offset: number | undefined][] = [
  ["value", 4],
  ["dmFsdWU=", undefined],
  ["dmFsdWU", 4],
  ["a===", 1],
  ["ab=c", 2],
  ["abc=x", 4],
  ["a\nbcd", undefined],
  ["ab==", undefined],
  ["ab=", 3],
  ["@", 0],
  ["", undefined],
  ["ab==\n", undefined],
  ["abc=\r\nx", 6],
  ["abcdefgh?", 8],
];

describe("goBase64ErrorOffset", () => {
  for (const [input, offset] of cases) {
    it(`${JSON.stringify(input)} -> ${offset ?? "decodes"}`, () => assert.equal(goBase64ErrorOffset(input), offset));
  }
});

describe("otherKindDecodeError", () => {
  const configMaps = { group: "", version: "v1", kind: "ConfigMap" };
  it("reports the body kind's own decoding error first", () => {
    const secret = { apiVersion: "v1", kind: "Secret", metadata: {}, data: { ok: "b2s=", bad: "value" } };
    assert.equal(otherKindDecodeError(secret, configMaps), "illegal base64 data at input byte 4");
  });
  it("otherwise reports that no conversion exists between the two kinds", () => {
    const secret = { apiVersion: "v1", kind: "Secret", metadata: {}, data: { ok: "b2s=" } };
    assert.equal(
      otherKindDecodeError(secret, configMaps),
      "converting (v1.Secret) to (core.ConfigMap): unknown conversion",
    );
    const lease = { apiVersion: "v1", kind: "ConfigMap", metadata: {} };
    assert.equal(
      otherKindDecodeError(lease, { group: "coordination.k8s.io", version: "v1", kind: "Lease" }),
      "converting (v1.ConfigMap) to (coordination.Lease): unknown conversion",
    );
  });
});
