import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { rawRequest, startTestServer, type TestServer } from "../helpers/embedded_apiserver.js";

/** `depth` levels of arrays: `[[...]]`. */
const nestedArrays = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const blobCrd = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "blobs.hostile.example.com" },
  spec: {
    group: "hostile.example.com",
    scope: "Namespaced",
    names: { plural: "blobs", singular: "blob", kind: "Blob", listKind: "BlobList" },
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: "object",
            properties: { spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
          },
        },
      },
    ],
  },
};

describe("embedded API server: hostile input", () => {
  let env: TestServer;
  before(async () => {
    env = await startTestServer();
  });
  after(() => env.stop());

  const post = (path: string, body: string, contentType = "application/json") =>
    rawRequest(env.server, "POST", path, { body, contentType });

  for (const [resource, kind] of [
    ["configmaps", "ConfigMap"],
    ["secrets", "Secret"],
    ["serviceaccounts", "ServiceAccount"],
  ] as const) {
    it(`refuses a ${kind} nested deeper than 10,000 levels with the JSON decoder's 400, storing nothing`, async () => {
      const path = `/api/v1/namespaces/default/${resource}`;
      // The object is one level, so 10,000 arrays make 10,001.
      const body = `{"apiVersion":"v1","kind":"${kind}","metadata":{"name":"deep"},"foo":${nestedArrays(10_000)}}`;
      const response = await post(path, body);
      assert.equal(response.status, 400);
      assert.equal(
        response.json().message,
        `the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: ` +
          `invalid character '[' exceeded max depth (${body.slice(0, 30)} ...)`,
      );
      assert.equal((await rawRequest(env.server, "GET", `${path}/deep`)).status, 404);
      assert.equal((await rawRequest(env.server, "GET", `/api/v1/${resource}`)).status, 200);
    });
  }

  it("stores and serves a custom resource 10,000 levels deep: get, list, watch, YAML and patch", async () => {
    const created = await post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JSON.stringify(blobCrd));
    assert.equal(created.status, 201, created.body);
    const path = "/apis/hostile.example.com/v1/namespaces/default/blobs";
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await rawRequest(env.server, "GET", path)).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Object, spec, then arrays: 10,000 levels in all, the most the real server's decoder takes.
    const deep = nestedArrays(9_998);
    const body = `{"apiVersion":"hostile.example.com/v1","kind":"Blob","metadata":{"name":"deep"},"spec":{"x":${deep}}}`;
    const response = await post(path, body);
    assert.equal(response.status, 201, response.body.slice(0, 300));
    const fetched = await rawRequest(env.server, "GET", `${path}/deep`);
    assert.equal(fetched.status, 200);
    assert.ok(fetched.body.includes(`"x":${deep}`));
    const listed = await rawRequest(env.server, "GET", "/apis/hostile.example.com/v1/blobs");
    assert.equal(listed.status, 200);
    const watched = await rawRequest(env.server, "GET", `${path}?watch=1&timeoutSeconds=1`);
    assert.equal(watched.status, 200);
    assert.ok(watched.body.startsWith('{"type":"ADDED"'));
    const asYaml = await rawRequest(env.server, "GET", `${path}/deep`, { accept: "application/yaml" });
    assert.equal(asYaml.status, 200);
    const patched = await rawRequest(env.server, "PATCH", `${path}/deep`, {
      body: '{"spec":{"y":1}}',
      contentType: "application/merge-patch+json",
    });
    assert.equal(patched.status, 200);
  });

  it("drops, warns about or refuses unknown fields of built-in kinds per fieldValidation", async () => {
    const path = "/api/v1/namespaces/default/configmaps";
    const object = (name: string) =>
      JSON.stringify({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name, foo: 1 },
        foo: 1,
        data: { a: "b" },
      });
    const warnings = ['299 - "unknown field \\"metadata.foo\\""', '299 - "unknown field \\"foo\\""'];
    for (const [validation, name] of [
      ["", "unknown-default"],
      ["Warn", "unknown-warn"],
      ["Ignore", "unknown-ignore"],
    ] as const) {
      const response = await post(`${path}?fieldValidation=${validation}`, object(name));
      assert.equal(response.status, 201);
      assert.equal(response.headers.warning, validation === "Ignore" ? undefined : warnings.join(", "));
      const stored = (await rawRequest(env.server, "GET", `${path}/${name}`)).json();
      assert.deepEqual(Object.keys(stored).sort(), ["apiVersion", "data", "kind", "metadata"]);
      assert.equal((stored.metadata as Record<string, unknown>).foo, undefined);
    }
    const strict = await post(`${path}?fieldValidation=Strict`, object("unknown-strict"));
    assert.equal(strict.status, 400);
    assert.equal(
      strict.json().message,
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: ' +
        'unknown field "metadata.foo", unknown field "foo"',
    );
    assert.equal((await rawRequest(env.server, "GET", `${path}/unknown-strict`)).status, 404);
  });

  it("refuses a YAML body with excessive aliasing, storing nothing", async () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const anchors = levels.map((name, index) =>
      index === 0
        ? `  ${name}: &${name} "${"lol".repeat(3)}"`
        : `  ${name}: &${name} [${Array(9)
            .fill(`*${levels[index - 1]}`)
            .join(",")}]`,
    );
    const body = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: laughs\nlaughs:\n${anchors.join("\n")}\n`;
    const response = await post("/api/v1/namespaces/default/configmaps", body, "application/yaml");
    assert.equal(response.status, 400);
    assert.match(String(response.json().message), /: yaml: document contains excessive aliasing \(/);
    assert.equal((await rawRequest(env.server, "GET", "/api/v1/namespaces/default/configmaps/laughs")).status, 404);
  });

  it("refuses ConfigMap and Secret data over 1 MiB, and bodies over 3 MiB", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    const configMap = await post(
      "/api/v1/namespaces/default/configmaps",
      JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "big" }, data: { a: big } }),
    );
    assert.equal(configMap.status, 422);
    assert.equal(
      configMap.json().message,
      'ConfigMap "big" is invalid: : Too long: may not be more than 1048576 bytes',
    );
    const secret = await post(
      "/api/v1/namespaces/default/secrets",
      JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "big" }, stringData: { a: big } }),
    );
    assert.equal(secret.status, 422);
    assert.equal(secret.json().message, 'Secret "big" is invalid: data: Too long: may not be more than 1048576 bytes');
    const huge = await post(
      "/api/v1/namespaces/default/configmaps",
      JSON.stringify({ metadata: { name: "huge" }, data: { a: "x".repeat(3 * 1024 * 1024) } }),
    );
    assert.equal(huge.status, 413);
    for (const resource of ["configmaps", "secrets"])
      assert.equal((await rawRequest(env.server, "GET", `/api/v1/namespaces/default/${resource}/big`)).status, 404);
  });
});
