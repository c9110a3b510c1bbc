import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { createKubeConfigTransport, type RawWatchEvent } from "../../runtime/client/transport.js";
import { ApiError, isConflict, isNotFound } from "../../runtime/client/errors.js";

const seen: { method?: string; url?: string; auth?: string; type?: string; body: string }[] = [];
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    seen.push({
      method: request.method,
      url: request.url,
      auth: request.headers.authorization,
      type: request.headers["content-type"],
      body,
    });
    if (request.url?.startsWith("/ok"))
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"kind":"ConfigMap"}');
    else if (request.url?.startsWith("/missing")) {
      response.writeHead(404).end(
        JSON.stringify({
          kind: "Status",
          status: "Failure",
          reason: "NotFound",
          code: 404,
          message: 'configmaps "x" not found',
        }),
      );
    } else if (request.url?.startsWith("/plain")) response.writeHead(409).end("conflict, in plain text");
    else if (request.url?.startsWith("/watch")) {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.flushHeaders();
      // One event split across writes, then two in one write.
      response.write('{"type":"ADDED","object":{"metadata":{"name":"a"');
      setTimeout(() => {
        response.write(
          '}}}\n{"type":"MODIFIED","object":{"metadata":{"name":"a"}}}\n{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"9"}}}\n',
        );
        response.end();
      }, 10);
    } else response.writeHead(500).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
after(() => server.close());

const kubeConfig = new KubeConfig();
kubeConfig.loadFromOptions({
  clusters: [{ name: "c", server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
  users: [{ name: "u", token: "secret-token" }],
  contexts: [{ name: "x", cluster: "c", user: "u" }],
  currentContext: "x",
});
const observed: string[] = [];
const transport = createKubeConfigTransport({
  kubeConfig,
  observeRequest: (method, code) => observed.push(`${method} ${code}`),
});

test("requests carry the kubeconfig's credentials, bodies and content types, and decode JSON", async () => {
  assert.deepEqual(
    await transport.request({
      method: "PATCH",
      path: "/ok?x=1",
      body: { a: 1 },
      contentType: "application/merge-patch+json",
    }),
    { kind: "ConfigMap" },
  );
  const last = seen.at(-1);
  assert.equal(last?.auth, "Bearer secret-token");
  assert.equal(last?.type, "application/merge-patch+json");
  assert.equal(last?.body, '{"a":1}');
  assert.equal(last?.url, "/ok?x=1");
});

test("failures become ApiErrors carrying the Status, or a synthesised one", async () => {
  await assert.rejects(transport.request({ method: "GET", path: "/missing" }), (err) => {
    assert.ok(err instanceof ApiError);
    assert.equal(isNotFound(err), true);
    assert.equal(err.status.message, 'configmaps "x" not found');
    assert.match(err.message, /GET \/missing: NotFound: configmaps "x" not found/);
    return true;
  });
  await assert.rejects(transport.request({ method: "PUT", path: "/plain", body: {} }), (err) => {
    assert.equal(isConflict(err), true, "a bare 409 counts as a conflict");
    assert.equal((err as ApiError).status.message, "conflict, in plain text");
    return true;
  });
  assert.ok(observed.includes("GET 404") && observed.includes("PUT 409"));
});

test("a watch streams line-delimited events however the bytes are split, then resolves at the end", async () => {
  const events: RawWatchEvent[] = [];
  let opened = false;
  await transport.watch({ path: "/watch?watch=true", onOpen: () => (opened = true) }, (event) => events.push(event));
  assert.equal(opened, true);
  assert.deepEqual(
    events.map((event) => event.type),
    ["ADDED", "MODIFIED", "BOOKMARK"],
  );
});

test("a refused watch rejects with the ApiError", async () => {
  await assert.rejects(
    transport.watch({ path: "/missing?watch=true" }, () => undefined),
    (err) => isNotFound(err),
  );
});
