import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ApiException, CoreV1Api, type V1ConfigMap } from "@kubernetes/client-node";
import { freshNamespace, rawRequest, startTestServer, type TestServer } from "../helpers/embedded_apiserver.js";

function statusOf(error: unknown): { code: number; body: Record<string, unknown> } {
  assert.ok(error instanceof ApiException, `expected an ApiException, got ${String(error)}`);
  return { code: error.code, body: JSON.parse(error.body as string) as Record<string, unknown> };
}

describe("embedded API server: core CRUD through @kubernetes/client-node", () => {
  let env: TestServer;
  let core: CoreV1Api;
  before(async () => {
    env = await startTestServer();
    core = env.kubeConfig.makeApiClient(CoreV1Api);
  });
  after(() => env.stop());

  it("serves the system namespaces", async () => {
    // A server of its own: the other tests add namespaces to the shared one.
    const own = await startTestServer();
    try {
      const names = (await own.kubeConfig.makeApiClient(CoreV1Api).listNamespace()).items.map(
        (namespace) => namespace.metadata?.name,
      );
      assert.deepEqual(names, ["default", "kube-node-lease", "kube-public", "kube-system"]);
    } finally {
      await own.stop();
    }
  });

  it("creates a configmap with uid, creationTimestamp and a resourceVersion, and no generation", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const created = await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: "settings" }, data: { a: "1" } },
    });
    assert.match(created.metadata?.uid ?? "", /^[0-9a-f-]{36}$/);
    assert.ok(created.metadata?.creationTimestamp instanceof Date);
    assert.match(created.metadata?.resourceVersion ?? "", /^\d+$/);
    assert.equal(created.metadata?.generation, undefined);
    const read = await core.readNamespacedConfigMap({ name: "settings", namespace });
    assert.deepEqual(read.data, { a: "1" });
  });

  it("gives generateName objects a 5-character random suffix", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const created = await core.createNamespacedConfigMap({ namespace, body: { metadata: { generateName: "cfg-" } } });
    assert.match(created.metadata?.name ?? "", /^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("answers a duplicate create with 409 AlreadyExists worded as kube-apiserver", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "dup" } } });
    const error = await core
      .createNamespacedConfigMap({ namespace, body: { metadata: { name: "dup" } } })
      .catch((e: unknown) => e);
    const { code, body } = statusOf(error);
    assert.equal(code, 409);
    assert.equal(body.reason, "AlreadyExists");
    assert.equal(body.message, 'configmaps "dup" already exists');
    assert.deepEqual(body.details, { name: "dup", kind: "configmaps" });
  });

  it("rejects a stale resourceVersion with 409 Conflict and leaves the object unchanged", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const created = await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: "occ" }, data: { v: "1" } },
    });
    const fresh: V1ConfigMap = { ...created, data: { v: "2" } };
    await core.replaceNamespacedConfigMap({ name: "occ", namespace, body: fresh });
    const stale: V1ConfigMap = { ...created, data: { v: "3" } };
    const error = await core
      .replaceNamespacedConfigMap({ name: "occ", namespace, body: stale })
      .catch((e: unknown) => e);
    const { code, body } = statusOf(error);
    assert.equal(code, 409);
    assert.equal(
      body.message,
      'Operation cannot be fulfilled on configmaps "occ": the object has been modified; please apply your changes to the latest version and try again',
    );
    assert.deepEqual((await core.readNamespacedConfigMap({ name: "occ", namespace })).data, { v: "2" });
  });

  it("rejects an invalid name with 422 and the DNS-1123 message, creating nothing", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const error = await core
      .createNamespacedConfigMap({ namespace, body: { metadata: { name: "Bad_Name" } } })
      .catch((e: unknown) => e);
    const { code, body } = statusOf(error);
    assert.equal(code, 422);
    assert.equal(body.reason, "Invalid");
    assert.match(
      String(body.message),
      /^ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/,
    );
    assert.equal((body.details as { causes: { field: string }[] }).causes[0]?.field, "metadata.name");
    assert.equal((await core.listNamespacedConfigMap({ namespace })).items.length, 0);
  });

  it("answers 404 NotFound for a missing object and for content in a missing namespace", async () => {
    const missing = statusOf(
      await core.readNamespacedConfigMap({ name: "nope", namespace: "default" }).catch((e: unknown) => e),
    );
    assert.equal(missing.code, 404);
    assert.equal(missing.body.message, 'configmaps "nope" not found');
    const noNamespace = statusOf(
      await core
        .createNamespacedConfigMap({ namespace: "no-such-ns", body: { metadata: { name: "x" } } })
        .catch((e: unknown) => e),
    );
    assert.equal(noNamespace.code, 404);
    assert.equal(noNamespace.body.message, 'namespaces "no-such-ns" not found');
  });

  it("filters lists by label selectors with =, ==, !=, in, notin, exists and !exists", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const labels: Record<string, Record<string, string>> = {
      a: { tier: "web", env: "prod" },
      b: { tier: "db", env: "prod" },
      c: { tier: "web" },
    };
    for (const [name, value] of Object.entries(labels)) {
      await core.createNamespacedConfigMap({ namespace, body: { metadata: { name, labels: value } } });
    }
    const names = async (labelSelector: string) =>
      (await core.listNamespacedConfigMap({ namespace, labelSelector })).items
        .map((item) => item.metadata?.name)
        .join(",");
    assert.equal(await names("tier=web"), "a,c");
    assert.equal(await names("tier==db"), "b");
    assert.equal(await names("tier!=web"), "b");
    assert.equal(await names("tier in (db,cache)"), "b");
    assert.equal(await names("tier notin (db)"), "a,c");
    assert.equal(await names("env"), "a,b");
    assert.equal(await names("!env"), "c");
    assert.equal(await names("tier=web,env=prod"), "a");
  });

  it("filters by metadata.name and metadata.namespace field selectors, across namespaces", async () => {
    const first = await freshNamespace(env.kubeConfig);
    const second = await freshNamespace(env.kubeConfig);
    await core.createNamespacedConfigMap({ namespace: first, body: { metadata: { name: "shared" } } });
    await core.createNamespacedConfigMap({ namespace: second, body: { metadata: { name: "shared" } } });
    const all = await core.listConfigMapForAllNamespaces({ fieldSelector: "metadata.name=shared" });
    assert.deepEqual(all.items.map((item) => item.metadata?.namespace).sort(), [first, second].sort());
    const one = await core.listConfigMapForAllNamespaces({ fieldSelector: `metadata.namespace=${first}` });
    assert.deepEqual(
      one.items.map((item) => item.metadata?.name),
      ["shared"],
    );
  });

  it("pages with limit and continue", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    for (let index = 0; index < 5; index++)
      await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: `page-${index}` } } });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace, limit: 2, _continue: token });
      seen.push(...page.items.map((item) => item.metadata?.name ?? ""));
      token = page.metadata?._continue;
      pages++;
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ["page-0", "page-1", "page-2", "page-3", "page-4"]);
  });

  it("merges stringData into base64 data for secrets", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const created = await core.createNamespacedSecret({
      namespace,
      body: { metadata: { name: "s" }, stringData: { password: "hunter2" } },
    });
    assert.equal(created.type, "Opaque");
    assert.equal(Buffer.from(created.data?.password ?? "", "base64").toString(), "hunter2");
    assert.equal(created.stringData, undefined);
  });

  it("answers 401 for a wrong token, and 403 from RBAC for anonymous requests outside the public paths", async () => {
    const wrong = await rawRequest(env.server, "GET", "/api/v1/namespaces", { token: "wrong" });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.json(), {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "Unauthorized",
      reason: "Unauthorized",
      code: 401,
    });
    const anonymous = await rawRequest(env.server, "GET", "/api/v1/namespaces", { token: null });
    assert.equal(anonymous.status, 403);
    assert.deepEqual(anonymous.json(), {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message:
        'namespaces is forbidden: User "system:anonymous" cannot list resource "namespaces" in API group "" at the cluster scope',
      reason: "Forbidden",
      details: { kind: "namespaces" },
      code: 403,
    });
    const version = await rawRequest(env.server, "GET", "/version", { token: null });
    assert.equal(version.status, 200, "system:public-info-viewer opens /version to anonymous clients");
  });

  it("answers malformed JSON with 400, an oversized body with 413, an unknown media type with 415, and changes nothing", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const path = `/api/v1/namespaces/${namespace}/configmaps`;
    const malformed = await rawRequest(env.server, "POST", path, {
      body: "{not json",
      contentType: "application/json",
    });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json().reason, "BadRequest");
    const huge = JSON.stringify({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "huge" },
      data: { x: "a".repeat(3 * 1024 * 1024) },
    });
    const tooLarge = await rawRequest(env.server, "POST", path, { body: huge, contentType: "application/json" });
    assert.equal(tooLarge.status, 413);
    assert.equal(tooLarge.json().message, "Request entity too large: limit is 3145728");
    const unsupported = await rawRequest(env.server, "POST", path, { body: "x", contentType: "text/plain" });
    assert.equal(unsupported.status, 415);
    const wrongVersion = await rawRequest(env.server, "POST", path, {
      body: JSON.stringify({ apiVersion: "v2", kind: "ConfigMap", metadata: { name: "v2" } }),
      contentType: "application/json",
    });
    assert.equal(wrongVersion.status, 400);
    assert.equal(
      wrongVersion.json().message,
      "the API version in the data (v2) does not match the expected API version (v1)",
    );
    assert.equal((await core.listNamespacedConfigMap({ namespace })).items.length, 0);
  });

  it("answers an unknown resource with the 404 Status kube-apiserver gives", async () => {
    const response = await rawRequest(env.server, "GET", "/api/v1/widgets");
    assert.equal(response.status, 404);
    assert.equal(response.json().message, "the server could not find the requested resource");
  });

  it("refuses to delete the default namespace with 403", async () => {
    const error = statusOf(await core.deleteNamespace({ name: "default" }).catch((e: unknown) => e));
    assert.equal(error.code, 403);
    assert.equal(error.body.message, 'namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe("embedded API server: Events", () => {
  let env: TestServer;
  before(async () => {
    env = await startTestServer();
  });
  after(() => env.stop());

  it("stores events.k8s.io/v1 and core/v1 Events together, converting field names", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const created = await rawRequest(env.server, "POST", `/apis/events.k8s.io/v1/namespaces/${namespace}/events`, {
      contentType: "application/json",
      body: JSON.stringify({
        apiVersion: "events.k8s.io/v1",
        kind: "Event",
        metadata: { name: "flipped" },
        eventTime: "2024-01-01T00:00:00.000000Z",
        reportingController: "useless.container.training/switch",
        reportingInstance: "switch-controller",
        action: "Flip",
        reason: "Flipped",
        type: "Normal",
        note: "switch flipped down",
        regarding: { kind: "Switch", name: "kitchen", namespace },
      }),
    });
    assert.equal(created.status, 201, created.body);
    assert.equal(created.json().note, "switch flipped down");
    const core = await env.kubeConfig.makeApiClient(CoreV1Api).readNamespacedEvent({ name: "flipped", namespace });
    assert.equal(core.message, "switch flipped down");
    assert.equal(core.involvedObject.name, "kitchen");
    assert.equal(core.reportingComponent, "useless.container.training/switch");
  });
});
