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
      field(1, Buffer.concat([field(1, "v1"), field(2, "Gadget")])),
    ]);
    assert.throws(() => decodeProtobufObject(envelope), /no kind "Gadget" is registered/);
  });

  it("decodes DeleteOptions as client-go's protobuf serializer writes them (zero grace period kept)", () => {
    // metav1.DeleteOptions{GracePeriodSeconds: &0, Preconditions: {UID}, PropagationPolicy: Foreground,
    // DryRun: [All]} for apps/v1, encoded by k8s.io/apimachinery v0.37.2's protobuf serializer.
    const reference = Buffer.from([
      107, 56, 115, 0, 10, 24, 10, 7, 97, 112, 112, 115, 47, 118, 49, 18, 13, 68, 101, 108, 101, 116, 101, 79, 112, 116,
      105, 111, 110, 115, 18, 59, 8, 0, 18, 38, 10, 36, 53, 102, 49, 99, 55, 101, 50, 97, 45, 48, 48, 48, 48, 45, 52,
      48, 48, 48, 45, 56, 48, 48, 48, 45, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 49, 34, 10, 70, 111, 114, 101,
      103, 114, 111, 117, 110, 100, 42, 3, 65, 108, 108, 26, 0, 34, 0,
    ]);
    assert.deepEqual(decodeProtobufObject(reference), {
      apiVersion: "apps/v1",
      kind: "DeleteOptions",
      gracePeriodSeconds: 0,
      preconditions: { uid: "5f1c7e2a-0000-4000-8000-000000000001" },
      propagationPolicy: "Foreground",
      dryRun: ["All"],
    });
  });

  it("refuses malformed messages with gogo-protobuf's errors", () => {
    const message = (error: unknown) =>
      error instanceof StatusError ? `${error.code} ${error.message}` : String(error);
    const decode = (bytes: number[]) => {
      try {
        decodeProtobufObject(Buffer.from([107, 56, 115, 0, ...bytes]));
        return "decoded";
      } catch (error) {
        return message(error);
      }
    };
    assert.equal(decode([0x0a, 0x05]), "400 unexpected EOF");
    assert.equal(
      decode([0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
      "400 proto: negative length found during unmarshaling",
    );
    assert.equal(decode([0x08, ...new Array<number>(10).fill(0xff), 0x01]), "400 proto: integer overflow");
    assert.equal(decode([0x0f]), "400 proto: illegal wireType 7");
  });
});
