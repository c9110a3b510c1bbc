import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { request as httpsRequest } from "node:https";
import { gunzipSync } from "node:zlib";
import { startTestServer, type TestServer } from "../helpers/embedded_apiserver.js";

const protobufV2 = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe("embedded API server: /openapi/v2 and /openapi/v3 as kube-openapi serves them", () => {
  let env: TestServer;
  before(async () => (env = await startTestServer()));
  after(() => env.stop());

  function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const { server } = env;
    return new Promise((resolve, reject) => {
      const outgoing = httpsRequest(
        new URL(path, server.url),
        { headers: { Authorization: `Bearer ${server.token}`, ...headers }, ca: server.caCertificatePem },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end();
    });
  }

  it("answers /openapi/v2 in JSON and as gnostic's protobuf, with the JSON's ETag for both", async () => {
    const json = await get("/openapi/v2", { Accept: "application/json" });
    assert.equal(json.status, 200);
    assert.equal(json.headers["content-type"], "application/json");
    const etag = `"${createHash("sha512").update(json.body).digest("hex").toUpperCase()}"`;
    assert.equal(json.headers.etag, etag);
    const swagger = JSON.parse(json.body.toString()) as { swagger: string; definitions: Record<string, unknown> };
    assert.equal(swagger.swagger, "2.0");
    assert.ok(swagger.definitions["io.k8s.api.core.v1.ConfigMap"]);

    // kubectl's Accept, the deprecated media type
    const protobuf = await get("/openapi/v2", { Accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" });
    assert.equal(protobuf.status, 200);
    assert.equal(protobuf.headers["content-type"], protobufV2);
    assert.equal(protobuf.headers.etag, etag);
    // Document.swagger (field 1) = "2.0" comes first.
    assert.deepEqual([...protobuf.body.subarray(0, 5)], [0x0a, 0x03, 0x32, 0x2e, 0x30]);

    const gzipped = await get("/openapi/v2", { Accept: protobufV2, "Accept-Encoding": "gzip" });
    assert.equal(gzipped.headers["content-encoding"], "gzip");
    assert.ok(gunzipSync(gzipped.body).equals(protobuf.body));
    assert.equal(gzipped.headers.vary, "Accept-Encoding, Accept");
  });

  it("answers 406 with no body to an Accept it cannot serve, and 304 to a matching If-None-Match", async () => {
    const refused = await get("/openapi/v2", { Accept: "text/plain" });
    assert.equal(refused.status, 406);
    assert.equal(refused.body.length, 0);
    const first = await get("/openapi/v2");
    const again = await get("/openapi/v2", { "If-None-Match": String(first.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it("serves each /openapi/v3 document at its hashed URL, immutable, and redirects a stale hash", async () => {
    const index = JSON.parse((await get("/openapi/v3")).body.toString()) as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    const url = index.paths["api/v1"]?.serverRelativeURL ?? "";
    const hash = new URL(url, "https://x").searchParams.get("hash") ?? "";
    const document = await get(url, { Accept: "application/json" });
    assert.equal(document.status, 200);
    assert.equal(createHash("sha512").update(document.body).digest("hex").toUpperCase(), hash);
    assert.equal(document.headers["cache-control"], "public, immutable");
    assert.match(String(document.headers.expires), /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} UTC$/);
    const stale = await get("/openapi/v3/api/v1?hash=ABC");
    assert.equal(stale.status, 301);
    assert.equal(stale.headers.location, url);
    assert.equal((await get("/openapi/v3/apis/nothing.example.com/v1")).status, 404);
  });
});
