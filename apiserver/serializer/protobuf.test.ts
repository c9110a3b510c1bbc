import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { decodeProtobufObject } from "./protobuf.js";
import { StatusError } from "../errors/status.js";

/** Minimal protobuf writer for the test's fixtures. */
function field(number: number, value: Buffer | string): Buffer {
  const bytes = typeof value === "string" ? Buffer.from(value) : value;
  return Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  while (value > 127) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value);
  return Buffer.from(bytes);
}

describe("protobuf request bodies", () => {
  it("decodes a ConfigMap as kubectl create configmap sends it", () => {
    const metadata = Buffer.concat([
      field(1, "settings"),
      field(2, ""),
      field(11, Buffer.concat([field(1, "app"), field(2, "web")])),
    ]);
    const configMap = Buffer.concat([
      field(1, metadata),
      field(2, Buffer.concat([field(1, "key"), field(2, "value")])),
    ]);
    const envelope = Buffer.concat([
      Buffer.from("k8s\0", "binary"),
      field(1, Buffer.concat([field(1, "v1"), field(2, "ConfigMap")])),
      field(2, configMap),
    ]);
    assert.deepEqual(decodeProtobufObject(envelope), {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "settings", labels: { app: "web" } },
      data: { key: "value" },
    });
  });

  it("answers a body without the k8s magic, or of an unknown kind, with 400", () => {
    assert.throws(
      () => decodeProtobufObject(Buffer.from("{}")),
      (error: unknown) => error instanceof StatusError && error.code === 400,
    );
    const envelope = Buffer.concat([
      Buffer.from("k8s\0", "binary"),
      field(1, Buffer.concat([field(1, "v1"), field(2, "Pod")])),
    ]);
    assert.throws(() => decodeProtobufObject(envelope), /no kind "Pod" is registered/);
  });
});
