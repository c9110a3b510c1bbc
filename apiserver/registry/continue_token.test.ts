import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { StatusError } from "../errors/status.js";
import { decodeContinue, decodeRawBase64Url, encodeContinue, keyAfter } from "./continue_token.js";

const token = (json: string): string => Buffer.from(json).toString("base64url");

function rejects(text: string, reason: string): void {
  assert.throws(
    () => decodeContinue(text),
    (error: unknown) =>
      error instanceof StatusError &&
      error.code === 400 &&
      error.message === `invalid continue token: continue key is not valid${reason}`,
  );
}

describe("continue tokens", () => {
  it("encode as kube-apiserver does: unpadded base64url JSON, the next key after a NUL byte", () => {
    const encoded = encodeContinue(keyAfter("p2"), 212);
    assert.equal(encoded, "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MjEyLCJzdGFydCI6Ii9wMlx1MDAwMCJ9");
    assert.deepEqual(decodeContinue(encoded), { revision: 212, startKey: "p2\u0000" });
  });

  it("accept start keys with or without the leading slash, and a negative revision", () => {
    assert.deepEqual(decodeContinue(token('{"v":"meta.k8s.io/v1","rv":-1,"start":"ns/p2"}')), {
      revision: -1,
      startKey: "ns/p2",
    });
  });

  it("report base64 errors with the byte offset Go reports", () => {
    rejects("abc!", ": illegal base64 data at input byte 3");
    rejects("abc=", ": illegal base64 data at input byte 3");
    rejects("a", ": illegal base64 data at input byte 0");
    assert.deepEqual([...decodeRawBase64Url("YW\nJj")], [...Buffer.from("abc")]);
  });

  it("report JSON errors as encoding/json words them", () => {
    rejects("not-a-token", ": invalid character '\\u009e' looking for beginning of value");
    rejects(token('{"v":"meta.k8s.io/v1","rv":5,"start":"/p2"'), ": unexpected end of JSON input");
    rejects(
      token('{"v":"meta.k8s.io/v1","rv":"5","start":"/p2"}'),
      ": json: cannot unmarshal string into Go struct field continueToken.rv of type int64",
    );
    rejects(token("[]"), ": json: cannot unmarshal array into Go value of type storage.continueToken");
  });

  it("check the version, the revision, the start key and path traversal", () => {
    rejects(token("null"), ": server does not recognize this encoded version ");
    rejects(token('{"v":"x","rv":5,"start":"/p2"}'), ": server does not recognize this encoded version x");
    rejects(
      token('{"v":"meta.k8s.io/v1","rv":0,"start":"/p2"}'),
      ": incorrect encoded start resourceVersion (version meta.k8s.io/v1)",
    );
    rejects(token('{"v":"meta.k8s.io/v1","rv":5,"start":""}'), ": encoded start key empty (version meta.k8s.io/v1)");
    rejects(token('{"v":"meta.k8s.io/v1","rv":5,"start":"/../p2"}'), ": /../p2");
    rejects(token('{"v":"meta.k8s.io/v1","rv":5,"start":"p2/"}'), ": p2/");
  });
});
