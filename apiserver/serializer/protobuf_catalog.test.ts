import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decodeProtobufResponse } from "./protobuf.js";

/** Objects as client-go's protobuf serializer encodes them and encoding/json writes them (hack/protobuf). */
const samples = JSON.parse(readFileSync(new URL("./testdata/protobuf_objects.json", import.meta.url), "utf8")) as {
  name: string;
  protobuf: string;
  json: unknown;
}[];

describe("protobuf bodies of built-in kinds, decoded by their Go types in the catalog", () => {
  for (const sample of samples) {
    it(`decodes a ${sample.name} to the JSON Go writes for it`, () => {
      assert.deepEqual(decodeProtobufResponse(Buffer.from(sample.protobuf, "base64")), sample.json);
    });
  }
});
