import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { StatusError } from "../errors/status.js";
import { negotiateErrorMediaType, negotiateOutput, protobufMediaType } from "./negotiation.js";

const query = new URLSearchParams();
const builtIn = { protobufObjects: true };
const custom = { protobufObjects: false };

describe("content negotiation of protobuf answers", () => {
  it("answers a built-in kind in protobuf when the client prefers it, as client-go asks", () => {
    const goAccept = `${protobufMediaType},application/json`;
    assert.deepEqual(negotiateOutput(goAccept, query, builtIn), { kind: "object", mediaType: protobufMediaType });
    assert.deepEqual(negotiateOutput(`application/json,${protobufMediaType}`, query, builtIn), {
      kind: "object",
      mediaType: "application/json",
    });
  });

  it("answers custom resources in JSON, and 406 when only protobuf is accepted", () => {
    assert.deepEqual(negotiateOutput(`${protobufMediaType},application/json`, query, custom), {
      kind: "object",
      mediaType: "application/json",
    });
    assert.throws(
      () => negotiateOutput(protobufMediaType, query, custom),
      (error: unknown) => error instanceof StatusError && error.code === 406,
    );
  });

  it("writes PartialObjectMetadata in protobuf for any resource, Tables only in JSON", () => {
    const metadata = `${protobufMediaType};as=PartialObjectMetadataList;g=meta.k8s.io;v=v1`;
    assert.deepEqual(negotiateOutput(metadata, query, custom), { kind: "metadata", mediaType: protobufMediaType });
    const table = `${protobufMediaType};as=Table;g=meta.k8s.io;v=v1`;
    assert.deepEqual(negotiateOutput(`${table},application/json`, query, builtIn), {
      kind: "object",
      mediaType: "application/json",
    });
    assert.throws(() => negotiateOutput(table, query, builtIn), /only the following media types are accepted/);
  });

  it("writes Status errors in protobuf when preferred, else JSON", () => {
    assert.equal(negotiateErrorMediaType(`${protobufMediaType},application/json`), protobufMediaType);
    assert.equal(negotiateErrorMediaType(`application/json,${protobufMediaType}`), "application/json");
    assert.equal(negotiateErrorMediaType(`${protobufMediaType};as=Table;g=meta.k8s.io;v=v1`), "application/json");
    assert.equal(negotiateErrorMediaType(undefined), "application/json");
  });
});
