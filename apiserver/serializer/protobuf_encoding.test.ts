import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { responseGoType } from "./builtin_go_types.js";
import { decodeProtobufResponse, encodeProtobufObject } from "./protobuf.js";

/** Objects as k8s.io/apimachinery's protobuf serializer encodes them beside their JSON (hack/protobuf). */
const samples = JSON.parse(readFileSync(new URL("./testdata/protobuf_objects.json", import.meta.url), "utf8")) as {
  name: string;
  protobuf: string;
  json: Record<string, unknown>;
}[];

function goTypeOf(object: Record<string, unknown>): string {
  const goType = responseGoType(String(object.apiVersion), String(object.kind));
  assert.ok(goType, `no Go type for ${String(object.apiVersion)} ${String(object.kind)}`);
  return goType;
}

/** The same object with its maps' keys in reverse order: the encoder must sort them as Go does. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  );
}

describe("protobuf responses of built-in kinds, encoded by their Go types in the catalog", () => {
  for (const sample of samples) {
    it(`encodes a ${sample.name} to apimachinery's bytes`, () => {
      const encoded = encodeProtobufObject(reversedKeys(sample.json) as Record<string, unknown>, goTypeOf(sample.json));
      assert.equal(encoded.toString("base64"), sample.protobuf);
    });
  }

  it("decodes what it encodes", () => {
    for (const sample of samples)
      assert.deepEqual(decodeProtobufResponse(encodeProtobufObject(sample.json, goTypeOf(sample.json))), sample.json);
  });

  it("refuses an object nested deeper than any built-in type (no unbounded recursion)", () => {
    let props: Record<string, unknown> = {};
    for (let level = 0; level < 200; level += 1) props = { type: "object", properties: { p: props } };
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      spec: { versions: [{ name: "v1", schema: { openAPIV3Schema: props } }] },
    };
    assert.throws(() => encodeProtobufObject(crd, goTypeOf(crd)), /nested too deeply/);
  });
});
