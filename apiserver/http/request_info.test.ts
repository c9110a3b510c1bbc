import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseRequestPath } from "./request_info.js";

const parse = (method: string, path: string) =>
  parseRequestPath(method, path, new URLSearchParams(path.split("?")[1] ?? ""));

describe("request paths", () => {
  it("reads namespaced resources, names and subresources", () => {
    assert.deepEqual(parse("GET", "/apis/g.io/v1/namespaces/ns/things/a/status"), {
      kind: "resource",
      request: {
        group: "g.io",
        version: "v1",
        namespace: "ns",
        resource: "things",
        name: "a",
        subresource: "status",
        verb: "get",
      },
    });
  });

  it("reads /api/v1/namespaces/x as the namespace x, and its status subresource", () => {
    const plain = parse("DELETE", "/api/v1/namespaces/x");
    assert.equal(plain.kind === "resource" && plain.request.resource, "namespaces");
    assert.equal(plain.kind === "resource" && plain.request.namespace, undefined);
    const status = parse("PUT", "/api/v1/namespaces/x/status");
    assert.deepEqual(
      status.kind === "resource" && [status.request.name, status.request.subresource, status.request.verb],
      ["x", "status", "update"],
    );
  });

  it("tells list, watch and deletecollection from get and delete", () => {
    const verb = (method: string, path: string) => {
      const parsed = parse(method, path);
      return parsed.kind === "resource" ? parsed.request.verb : parsed.kind;
    };
    assert.equal(verb("GET", "/api/v1/configmaps"), "list");
    assert.equal(verb("GET", "/api/v1/namespaces/ns/configmaps?watch=true"), "watch");
    assert.equal(verb("DELETE", "/api/v1/namespaces/ns/configmaps"), "deletecollection");
    assert.equal(verb("GET", "/apis/g.io/v1"), "discovery");
    assert.equal(verb("GET", "/healthz"), "other");
  });
});
