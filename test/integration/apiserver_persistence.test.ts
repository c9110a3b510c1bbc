import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CoreV1Api, KubeConfig, makeInformer, type V1ConfigMap } from "@kubernetes/client-node";
import { startClusterProcess } from "../helpers/cluster_process.js";
import {
  endpointOf,
  installSwitchCrd,
  kubeConfigFor,
  rawRequest,
  startTestServer,
} from "../helpers/embedded_apiserver.js";

/** Runs `uselessctl cluster start` on the data directory, its kubeconfig inside it. */
async function startChild(dataDir: string, port: number): Promise<ChildProcess> {
  const args = ["--port", String(port), "--data-dir", dataDir, "--kubeconfig", join(dataDir, "kubeconfig")];
  return (await startClusterProcess(args)).child;
}

function kubeConfigFile(dataDir: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(readFileSync(join(dataDir, "kubeconfig"), "utf8"));
  return kubeConfig;
}

describe("embedded API server: persistence with a data directory", () => {
  const directories: string[] = [];
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  it("keeps every acknowledged write across kill -9 and restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "uselessctl-crash-"));
    directories.push(dataDir);
    const first = await startChild(dataDir, 0);
    children.push(first);
    assert.equal(statSync(join(dataDir, "kubeconfig")).mode & 0o777, 0o600);
    const core = kubeConfigFile(dataDir).makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: "durable" } } });
    const acknowledged: string[] = [];
    let killed = false;
    // Writes in flight when the process dies may or may not land; acknowledged ones must.
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let index = 0; !killed; index++) {
        const name = `cm-${writer}-${index}`;
        try {
          await core.createNamespacedConfigMap({
            namespace: "durable",
            body: { metadata: { name }, data: { index: String(index) } },
          });
          acknowledged.push(name);
        } catch {
          // refused once killed; before that a loaded machine may drop a request: keep writing
        }
      }
    });
    // Watchers' starting points while writes go on: a list's resourceVersion and what it held.
    const snapshots: { revision: string; names: Set<string> }[] = [];
    // Kill while writes are in flight, once a good number were acknowledged (however loaded the machine).
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 20 && Date.now() < deadline) {
      const listed = await core.listNamespacedConfigMap({ namespace: "durable" });
      snapshots.push({
        revision: listed.metadata?.resourceVersion ?? "",
        names: new Set(listed.items.map((item) => item.metadata?.name ?? "")),
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.kill("SIGKILL");
    killed = true;
    await Promise.all(writers);
    assert.ok(acknowledged.length >= 20, `only ${acknowledged.length} writes before the kill`);
    const port = new URL(kubeConfigFile(dataDir).getCurrentCluster()?.server ?? "").port;
    const second = await startChild(dataDir, Number(port));
    children.push(second);
    const stored = new Set(
      (
        await kubeConfigFile(dataDir).makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: "durable" })
      ).items.map((item) => item.metadata?.name),
    );
    const lost = acknowledged.filter((name) => !stored.has(name));
    assert.deepEqual(lost, []);
    // Each watch resumed from before the kill is told 410, or replays every write it had not listed.
    const endpoint = endpointOf(kubeConfigFile(dataDir));
    assert.ok(snapshots.length > 0);
    for (const snapshot of snapshots) {
      const watched = await rawRequest(
        endpoint,
        "GET",
        `/api/v1/namespaces/durable/configmaps?watch=1&resourceVersion=${snapshot.revision}&timeoutSeconds=1`,
      );
      const events = watched.body
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { type: string; object: { code?: number; metadata?: { name?: string } } });
      if (events[0]?.type === "ERROR") {
        assert.equal(events[0].object.code, 410);
        continue;
      }
      const replayed = new Set(events.map((event) => event.object.metadata?.name ?? ""));
      const missed = acknowledged.filter((name) => !snapshot.names.has(name) && !replayed.has(name));
      assert.deepEqual(missed, [], `watch from ${snapshot.revision} resumed with a gap`);
    }
    second.kill("SIGTERM");
  });

  it("keeps resourceVersions increasing across restarts, so that an informer resumes", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "uselessctl-informer-"));
    directories.push(dataDir);
    let env = await startTestServer({ dataDir, token: "informer-token" });
    const port = Number(new URL(env.server.url).port);
    const kubeConfig = kubeConfigFor(env.server);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "before" } } });
    await installSwitchCrd(kubeConfig);
    const informer = makeInformer<V1ConfigMap>(kubeConfig, "/api/v1/namespaces/default/configmaps", () =>
      core.listNamespacedConfigMap({ namespace: "default" }),
    );
    const seen = new Set<string>();
    informer.on("add", (object) => seen.add(object.metadata?.name ?? ""));
    let stopped = false;
    informer.on("error", () => {
      // client-node's informer reports the dropped connection; restarting it is the caller's job
      if (!stopped) setTimeout(() => void (stopped ? undefined : informer.start().catch(() => undefined)), 100);
    });
    await informer.start();
    try {
      assert.ok(seen.has("before"));
      const revisionBefore = Number(
        (await core.listNamespacedConfigMap({ namespace: "default" })).metadata?.resourceVersion,
      );
      await env.stop();
      env = await startTestServer({ dataDir, token: "informer-token", port });
      const after = await core.listNamespacedConfigMap({ namespace: "default" });
      assert.ok(Number(after.metadata?.resourceVersion) >= revisionBefore);
      await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "after" } } });
      for (let attempt = 0; attempt < 200 && !seen.has("after"); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      assert.ok(seen.has("after"), "the informer saw the object created after the restart");
      assert.equal(informer.list().length, 2);
      assert.equal((await rawRequest(env.server, "GET", "/api/v1/namespaces/default/configmaps/before")).status, 200);
      // Stored CRDs are served again right after the restart.
      assert.equal(
        (await rawRequest(env.server, "GET", "/apis/test.uselessctl.io/v1alpha1/namespaces/default/switches")).status,
        200,
      );
    } finally {
      stopped = true;
      await informer.stop();
      await env.stop();
    }
  });

  it("locks the data dir: a second server refuses, naming the holder's pid; a killed holder's lock is taken over", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "uselessctl-lock-"));
    directories.push(dataDir);
    const first = await startChild(dataDir, 0);
    children.push(first);
    const core = kubeConfigFile(dataDir).makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "first" } } });
    await assert.rejects(startChild(dataDir, 0), (error: Error) => {
      assert.match(error.message, /cluster start exited with 1/);
      assert.ok(
        error.message.includes(`data directory ${dataDir} is in use by another API server (pid ${first.pid})`),
        error.message,
      );
      return true;
    });
    // The refused server changed nothing: the holder still serves, with its writes.
    await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "second" } } });
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const port = new URL(kubeConfigFile(dataDir).getCurrentCluster()?.server ?? "").port;
    const next = await startChild(dataDir, Number(port));
    children.push(next);
    const names = (
      await kubeConfigFile(dataDir).makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: "default" })
    ).items.map((item) => item.metadata?.name);
    assert.ok(names.includes("first") && names.includes("second"), `stored: ${names.join(", ")}`);
    assert.equal(readFileSync(join(dataDir, "lock"), "utf8").trim(), String(next.pid));
    next.kill("SIGTERM");
  });

  it("answers a watch from a resourceVersion before a restart with 410 Expired, never with a silent gap", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "uselessctl-resume-"));
    directories.push(dataDir);
    let env = await startTestServer({ dataDir, token: "resume-token" });
    const path = "/api/v1/namespaces/default/configmaps";
    const revisions: string[] = [];
    const created = await rawRequest(env.server, "POST", path, {
      body: JSON.stringify({ metadata: { name: "watched" }, data: { step: "0" } }),
      contentType: "application/json",
    });
    revisions.push((created.json().metadata as { resourceVersion: string }).resourceVersion);
    for (let step = 1; step <= 3; step++) {
      const updated = await rawRequest(env.server, "PATCH", `${path}/watched`, {
        body: JSON.stringify({ data: { step: String(step) } }),
        contentType: "application/merge-patch+json",
      });
      revisions.push((updated.json().metadata as { resourceVersion: string }).resourceVersion);
    }
    await env.stop();
    env = await startTestServer({ dataDir, token: "resume-token" });
    try {
      const current = (await rawRequest(env.server, "GET", path)).json().metadata as { resourceVersion: string };
      await rawRequest(env.server, "PATCH", `${path}/watched`, {
        body: JSON.stringify({ data: { step: "4" } }),
        contentType: "application/merge-patch+json",
      });
      for (const revision of ["1", ...revisions.slice(0, -1)]) {
        const watched = await rawRequest(
          env.server,
          "GET",
          `${path}?watch=1&resourceVersion=${revision}&timeoutSeconds=1`,
        );
        const events = watched.body
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { type: string; object: { code?: number; reason?: string } });
        assert.deepEqual(
          events.map((event) => [event.type, event.object.code, event.object.reason]),
          [["ERROR", 410, "Expired"]],
          `watch from ${revision}`,
        );
      }
      // From the revision the restarted server started at, every later change is replayed.
      const resumed = await rawRequest(
        env.server,
        "GET",
        `${path}?watch=1&resourceVersion=${current.resourceVersion}&timeoutSeconds=1`,
      );
      const [event] = resumed.body
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { type: string; object: { data: unknown } });
      assert.deepEqual([event?.type, event?.object.data], ["MODIFIED", { step: "4" }]);
    } finally {
      await env.stop();
    }
  });
});
