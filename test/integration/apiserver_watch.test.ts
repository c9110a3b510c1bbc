import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CoreV1Api, PatchStrategy, Watch, setHeaderOptions } from "@kubernetes/client-node";

const mergePatch = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
import { freshNamespace, rawRequest, startTestServer, type TestServer } from "../helpers/embedded_apiserver.js";

interface Event {
  type: string;
  object: {
    metadata?: { name?: string; resourceVersion?: string; annotations?: Record<string, string> };
    code?: number;
    reason?: string;
    message?: string;
  };
}

/** Collects watch events until `count` arrived (or the stream ends). */
async function collect(
  env: TestServer,
  path: string,
  query: Record<string, string | number | boolean>,
  count: number,
  action?: () => Promise<void>,
): Promise<Event[]> {
  const events: Event[] = [];
  let controller: AbortController | undefined;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`timed out with ${events.length}/${count} events: ${JSON.stringify(events.map((e) => e.type))}`),
        ),
      5000,
    );
    new Watch(env.kubeConfig)
      .watch(
        path,
        query,
        (type, object) => {
          events.push({ type, object });
          if (events.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
        () => {
          clearTimeout(timer);
          resolve();
        },
      )
      .then((abort) => {
        controller = abort;
        return action?.();
      })
      .catch(reject);
  });
  await done;
  controller?.abort();
  return events;
}

describe("embedded API server: watch", () => {
  let env: TestServer;
  let core: CoreV1Api;
  before(async () => {
    env = await startTestServer({ watchHistorySize: 50 });
    core = env.kubeConfig.makeApiClient(CoreV1Api);
  });
  after(() => env.stop());

  it("streams ADDED, MODIFIED and DELETED from a list's resourceVersion", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const list = await core.listNamespacedConfigMap({ namespace });
    const events = await collect(
      env,
      `/api/v1/namespaces/${namespace}/configmaps`,
      { resourceVersion: list.metadata?.resourceVersion ?? "" },
      3,
      async () => {
        await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "w" }, data: { a: "1" } } });
        await core.patchNamespacedConfigMap({ name: "w", namespace, body: { data: { a: "2" } } }, mergePatch);
        await core.deleteNamespacedConfigMap({ name: "w", namespace });
      },
    );
    assert.deepEqual(
      events.map((event) => event.type),
      ["ADDED", "MODIFIED", "DELETED"],
    );
    const versions = events.map((event) => Number(event.object.metadata?.resourceVersion));
    assert.ok(
      versions[0]! < versions[1]! && versions[1]! < versions[2]!,
      `resourceVersions increase: ${versions.join(",")}`,
    );
  });

  it("starts with the current objects as ADDED when no resourceVersion is given", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "existing" } } });
    const events = await collect(env, `/api/v1/namespaces/${namespace}/configmaps`, {}, 1);
    assert.deepEqual(
      events.map((event) => [event.type, event.object.metadata?.name]),
      [["ADDED", "existing"]],
    );
  });

  it("resumes from a resourceVersion, replaying only later changes", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const first = await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "one" } } });
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "two" } } });
    const events = await collect(
      env,
      `/api/v1/namespaces/${namespace}/configmaps`,
      { resourceVersion: first.metadata?.resourceVersion ?? "" },
      1,
    );
    assert.deepEqual(
      events.map((event) => [event.type, event.object.metadata?.name]),
      [["ADDED", "two"]],
    );
  });

  it("turns label-selector transitions into ADDED and DELETED", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const list = await core.listNamespacedConfigMap({ namespace });
    const events = await collect(
      env,
      `/api/v1/namespaces/${namespace}/configmaps`,
      { resourceVersion: list.metadata?.resourceVersion ?? "", labelSelector: "watched=yes" },
      2,
      async () => {
        await core.createNamespacedConfigMap({
          namespace,
          body: { metadata: { name: "t", labels: { watched: "no" } } },
        });
        await core.patchNamespacedConfigMap(
          { name: "t", namespace, body: { metadata: { labels: { watched: "yes" } } } },
          mergePatch,
        );
        await core.patchNamespacedConfigMap(
          { name: "t", namespace, body: { metadata: { labels: { watched: "no" } } } },
          mergePatch,
        );
      },
    );
    assert.deepEqual(
      events.map((event) => event.type),
      ["ADDED", "DELETED"],
    );
  });

  it("sends an ERROR event with 410 Expired for a resourceVersion older than the history", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const old = await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "old" } } });
    for (let index = 0; index < 60; index++)
      await core.patchNamespacedConfigMap({ name: "old", namespace, body: { data: { i: String(index) } } }, mergePatch);
    const response = await rawRequest(
      env.server,
      "GET",
      `/api/v1/namespaces/${namespace}/configmaps?watch=true&resourceVersion=${old.metadata?.resourceVersion}`,
    );
    assert.equal(response.status, 200);
    const event = JSON.parse(response.body.trim()) as Event;
    assert.equal(event.type, "ERROR");
    assert.equal(event.object.code, 410);
    assert.equal(event.object.reason, "Expired");
    assert.match(event.object.message ?? "", /^too old resource version: \d+ \(\d+\)$/);
  });

  it("ends the stream after timeoutSeconds, with a BOOKMARK 2 s before the end once the collection moved on", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const list = await core.listNamespacedConfigMap({ namespace });
    const started = Date.now();
    const watching = rawRequest(
      env.server,
      "GET",
      `/api/v1/namespaces/${namespace}/configmaps?watch=true&timeoutSeconds=3&allowWatchBookmarks=true&resourceVersion=${list.metadata?.resourceVersion}`,
    );
    const created = await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "moved-on" } } });
    const response = await watching;
    assert.ok(Date.now() - started >= 2900);
    const events = response.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Event);
    assert.deepEqual(
      events.map((event) => event.type),
      ["ADDED", "BOOKMARK"],
    );
    assert.ok(Number(events[1]?.object.metadata?.resourceVersion) >= Number(created.metadata?.resourceVersion));
  });

  it("sends no BOOKMARK when nothing changed since the watch's resourceVersion", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const list = await core.listNamespacedConfigMap({ namespace });
    const response = await rawRequest(
      env.server,
      "GET",
      `/api/v1/namespaces/${namespace}/configmaps?watch=true&timeoutSeconds=1&allowWatchBookmarks=true&resourceVersion=${list.metadata?.resourceVersion}`,
    );
    assert.equal(response.body.trim(), "");
  });

  it("ends the initial events of a watch from now with an initial-events-end BOOKMARK when bookmarks are allowed", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "existing" } } });
    const response = await rawRequest(
      env.server,
      "GET",
      `/api/v1/namespaces/${namespace}/configmaps?watch=true&timeoutSeconds=1&allowWatchBookmarks=true`,
    );
    const events = response.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Event);
    assert.deepEqual(
      events.map((event) => event.type),
      ["ADDED", "BOOKMARK"],
    );
    assert.deepEqual(events[1]?.object.metadata?.annotations, { "k8s.io/initial-events-end": "true" });
  });
});
