// The UI server (issue 19): only the printed address lets a browser in, the page's requests reach
// the API server with the kubeconfig's credentials (lists, writes, watches streamed), and nothing
// else gets through: other Host names, cross-site writes, paths outside the pages.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startUiServer, type UiServer } from "uselessctl/ui";
import { startTestServer, type TestServer } from "../helpers/embedded_apiserver.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  ui: UiServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; firstLine?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${ui.origin}${path}`, { method: options.method ?? "GET", headers: options.headers });
    outgoing.on("response", (incoming) => {
      let body = "";
      incoming.on("data", (chunk: Buffer) => {
        body += chunk.toString();
        // A watch never ends by itself: its first event is enough.
        if (options.firstLine && body.includes("\n")) {
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body });
          outgoing.destroy();
        }
      });
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

describe("the UI server", () => {
  let server: TestServer;
  let ui: UiServer;
  let cookie: string;
  const appDir = mkdtempSync(join(tmpdir(), "uselessctl-ui-app-"));
  const withCookie = (headers: Record<string, string> = {}) => ({ cookie, ...headers });

  before(async () => {
    server = await startTestServer();
    writeFileSync(join(appDir, "index.html"), "<!doctype html><title>app</title>\n");
    ui = await startUiServer({
      kubeConfig: server.kubeConfig,
      apps: [{ mount: "/app/", dir: appDir, title: "App" }],
      landing: "/app/",
      settings: { flipDelayMs: 5000 },
    });
    const login = await send(ui, new URL(ui.sessionUrl).pathname + new URL(ui.sessionUrl).search);
    const setCookie = String(login.headers["set-cookie"]);
    cookie = setCookie.split(";")[0] ?? "";
  });
  after(async () => {
    await ui.close();
    await server.stop();
    rmSync(appDir, { recursive: true, force: true });
  });

  it("trades the printed secret for an HttpOnly, SameSite=Strict cookie and a clean address", async () => {
    const login = await send(ui, new URL(ui.sessionUrl).pathname + new URL(ui.sessionUrl).search);
    assert.equal(login.status, 303);
    assert.equal(login.headers.location, "/app/");
    assert.match(String(login.headers["set-cookie"]), /^uselessctl-ui-\d+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    assert.equal(login.headers["referrer-policy"], "no-referrer");
  });

  it("refuses a browser without the cookie, or with a wrong one, and answers nothing of the cluster", async () => {
    const attempts: Record<string, string>[] = [{}, { cookie: `${cookie.split("=")[0]}=wrong` }];
    for (const headers of attempts) {
      for (const path of ["/", "/app/", "/apis", "/api/v1/namespaces", "/ui/settings.json"]) {
        const answer = await send(ui, path, { headers });
        assert.equal(answer.status, 401, path);
        assert.doesNotMatch(answer.body, /kube-system/);
      }
    }
    assert.equal((await send(ui, "/?session=wrong")).status, 401);
  });

  it("refuses Host names other than its own (DNS rebinding)", async () => {
    const answer = await send(ui, "/api/v1/namespaces", {
      headers: withCookie({ host: `attacker.example:${ui.port}` }),
    });
    assert.equal(answer.status, 403);
  });

  it("serves the pages, the shared modules, js-yaml and the settings, and nothing outside them", async () => {
    const index = await send(ui, "/", { headers: withCookie() });
    assert.equal(index.status, 200);
    assert.match(String(index.headers["content-security-policy"]), /script-src 'self'/);
    assert.match(index.body, /<script type="module" src="\/ui\/resources.js">/);
    assert.equal((await send(ui, "/app/", { headers: withCookie() })).body, "<!doctype html><title>app</title>\n");
    const api = await send(ui, "/ui/api.js", { headers: withCookie() });
    assert.equal(api.headers["content-type"], "text/javascript; charset=utf-8");
    assert.match((await send(ui, "/ui/vendor/js-yaml.mjs", { headers: withCookie() })).body, /export \{/);
    const settings = JSON.parse((await send(ui, "/ui/settings.json", { headers: withCookie() })).body) as unknown;
    assert.deepEqual(settings, {
      flipDelayMs: 5000,
      navigation: [
        { title: "Resources", href: "/" },
        { title: "App", href: "/app/" },
      ],
    });
    for (const path of ["/ui/%2e%2e/%2e%2e/package.json", "/app/%2e%2e/ui_server.test.ts", "/ui/%E0%A4%A", "/nope"]) {
      assert.equal((await send(ui, path, { headers: withCookie() })).status, 404, path);
    }
    assert.equal((await send(ui, "/", { method: "POST", headers: withCookie() })).status, 405);
  });

  it("forwards lists and writes with the kubeconfig's credentials, and refuses cross-site writes", async () => {
    const list = await send(ui, "/api/v1/namespaces", { headers: withCookie() });
    assert.equal(list.status, 200);
    assert.match(list.body, /"kube-system"/);
    assert.equal(list.headers["audit-id"], undefined, "only the page's headers come back");

    const configMap = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "from-the-page" } });
    const path = "/api/v1/namespaces/default/configmaps";
    const json = { "content-type": "application/json" };
    const crossSite = await send(ui, path, {
      method: "POST",
      headers: withCookie({ ...json, origin: "http://attacker.example", "sec-fetch-site": "cross-site" }),
      body: configMap,
    });
    assert.equal(crossSite.status, 403);
    assert.equal((await send(ui, `${path}/from-the-page`, { headers: withCookie() })).status, 404);

    const created = await send(ui, path, {
      method: "POST",
      headers: withCookie({ ...json, origin: ui.origin, "sec-fetch-site": "same-origin" }),
      body: configMap,
    });
    assert.equal(created.status, 201, created.body);
  });

  it("streams a watch event by event, and asks for Tables as kubectl does", async () => {
    const watch = await send(
      ui,
      "/api/v1/namespaces/default/configmaps?watch=1&fieldSelector=metadata.name%3Dfrom-the-page",
      {
        headers: withCookie(),
        firstLine: true,
      },
    );
    assert.equal(watch.status, 200);
    assert.equal((JSON.parse(watch.body.split("\n")[0] ?? "") as { type: string }).type, "ADDED");

    const table = await send(ui, "/api/v1/namespaces", {
      headers: withCookie({ accept: "application/json;as=Table;v=v1;g=meta.k8s.io" }),
    });
    assert.equal((JSON.parse(table.body) as { kind: string }).kind, "Table");
  });

  it("refuses an app mount that is not a /name/ path", async () => {
    await assert.rejects(
      startUiServer({ kubeConfig: server.kubeConfig, apps: [{ mount: "/ui/", dir: appDir, title: "x" }] }),
      /mount "\/ui\/" is not a "\/name\/" path/,
    );
  });
});
