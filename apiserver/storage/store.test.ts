import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataDirInUseError, RevisionTooOldError, Store, objectKey } from "./store.js";
import type { KubeObject } from "./types.js";

const object = (name: string, data = "1"): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "ns" },
  data: { v: data },
});

describe("Store", () => {
  it("stamps every write with the next global revision, across collections", async () => {
    const store = await Store.open();
    const first = store.put("/configmaps", objectKey("ns", "a"), object("a"));
    const second = store.put("/secrets", objectKey("ns", "b"), object("b"));
    await Promise.all([first.durable, second.durable]);
    assert.equal(Number(second.object.metadata.resourceVersion), Number(first.object.metadata.resourceVersion) + 1);
    assert.equal(store.currentRevision(), Number(second.object.metadata.resourceVersion));
  });

  it("lists in namespace/name order and by namespace", async () => {
    const store = await Store.open();
    for (const [namespace, name] of [
      ["b", "x"],
      ["a", "z"],
      ["a", "y"],
    ] as const) {
      store.put("/configmaps", objectKey(namespace, name), { metadata: { name, namespace } });
    }
    assert.deepEqual(
      store.list("/configmaps").map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
      ["a/y", "a/z", "b/x"],
    );
    assert.deepEqual(
      store.list("/configmaps", "a").map((o) => o.metadata.name),
      ["y", "z"],
    );
  });

  it("replays changes after a revision, and refuses revisions older than the history", async () => {
    const store = await Store.open({ historySize: 3 });
    const start = store.currentRevision();
    for (let index = 0; index < 5; index++) store.put("/configmaps", objectKey("ns", "a"), object("a", String(index)));
    assert.deepEqual(
      store.changesSince("/configmaps", start + 3).map((event) => event.type),
      ["MODIFIED", "MODIFIED"],
    );
    assert.throws(() => store.changesSince("/configmaps", start), RevisionTooOldError);
  });

  it("keeps one history per collection: a busy collection does not push out a quiet one's changes", async () => {
    const store = await Store.open({ historySize: 3 });
    const start = store.currentRevision();
    store.put("/secrets", objectKey("ns", "s"), object("s"));
    for (let index = 0; index < 5; index++) store.put("/configmaps", objectKey("ns", "a"), object("a", String(index)));
    assert.deepEqual(
      store.changesSince("/secrets", start).map((event) => event.revision),
      [start + 1],
    );
  });

  it("restarts a collection's history at the current revision", async () => {
    const store = await Store.open();
    const start = store.currentRevision();
    store.put("/gizmos", objectKey("ns", "g"), object("g"));
    store.restartHistory("/gizmos");
    assert.throws(() => store.changesSince("/gizmos", start), new RevisionTooOldError(start, start + 1));
    assert.deepEqual(store.changesSince("/gizmos", start + 1), []);
  });

  it("delivers events to subscribers in revision order, deletions with a new revision", async () => {
    const store = await Store.open();
    const seen: string[] = [];
    store.subscribe("/configmaps", (event) => seen.push(`${event.type}@${event.revision}`));
    store.put("/configmaps", objectKey("ns", "a"), object("a"));
    store.put("/configmaps", objectKey("ns", "a"), object("a", "2"));
    const deleted = store.delete("/configmaps", objectKey("ns", "a"));
    await deleted?.durable;
    const revisions = seen.map((entry) => Number(entry.split("@")[1]));
    assert.deepEqual(
      seen.map((entry) => entry.split("@")[0]),
      ["ADDED", "MODIFIED", "DELETED"],
    );
    assert.deepEqual(
      revisions,
      [...revisions].sort((a, b) => a - b),
    );
    assert.equal(deleted?.object.metadata.resourceVersion, String(revisions[2]));
  });

  it("recovers objects and the revision counter from the write-ahead log, ignoring a torn last line", async () => {
    const directory = mkdtempSync(join(tmpdir(), "store-test-"));
    try {
      const store = await Store.open({ dataDir: directory });
      await store.put("/configmaps", objectKey("ns", "kept"), object("kept")).durable;
      await store.put("/configmaps", objectKey("ns", "gone"), object("gone")).durable;
      await store.delete("/configmaps", objectKey("ns", "gone"))?.durable;
      const revision = store.currentRevision();
      await store.close();
      appendFileSync(join(directory, "wal.jsonl"), '{"op":"put","collection":"/configmaps","key":"ns/torn"');
      const reopened = await Store.open({ dataDir: directory });
      assert.deepEqual(
        reopened.list("/configmaps").map((o) => o.metadata.name),
        ["kept"],
      );
      assert.equal(reopened.currentRevision(), revision);
      await reopened.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("answers a watch from before a restart with 410, never with the changes it can no longer replay", async () => {
    const directory = mkdtempSync(join(tmpdir(), "store-test-"));
    try {
      const store = await Store.open({ dataDir: directory });
      const first = store.put("/configmaps", objectKey("ns", "a"), object("a"));
      await first.durable;
      const early = Number(first.object.metadata.resourceVersion);
      await store.put("/configmaps", objectKey("ns", "a"), object("a", "2")).durable;
      await store.put("/configmaps", objectKey("ns", "a"), object("a", "3")).durable;
      await store.close();
      const reopened = await Store.open({ dataDir: directory });
      const opened = reopened.currentRevision();
      assert.throws(() => reopened.changesSince("/configmaps", early), RevisionTooOldError);
      assert.throws(() => reopened.changesSince("/configmaps", 1), RevisionTooOldError);
      assert.throws(() => reopened.changesSince("/secrets", early), RevisionTooOldError);
      await reopened.put("/configmaps", objectKey("ns", "a"), object("a", "4")).durable;
      assert.deepEqual(
        reopened.changesSince("/configmaps", opened).map((event) => event.object.data),
        [{ v: "4" }],
      );
      await reopened.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("locks its data directory: a second store on it refuses, naming the holder's pid", async () => {
    const directory = mkdtempSync(join(tmpdir(), "store-test-"));
    try {
      const store = await Store.open({ dataDir: directory });
      await assert.rejects(Store.open({ dataDir: directory }), (error: Error) => {
        assert.ok(error instanceof DataDirInUseError);
        assert.match(error.message, new RegExp(`in use by another API server \\(pid ${process.pid}\\)`));
        assert.ok(error.message.includes(directory));
        return true;
      });
      await store.close();
      const again = await Store.open({ dataDir: directory });
      await again.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("takes over the lock of a process that is gone", async () => {
    const directory = mkdtempSync(join(tmpdir(), "store-test-"));
    try {
      // Above Linux's largest pid_max (2^22), so no process has it.
      const deadPid = 2 ** 22 + 1;
      writeFileSync(join(directory, "lock"), `${deadPid}\n`);
      const store = await Store.open({ dataDir: directory });
      assert.equal(readFileSync(join(directory, "lock"), "utf8").trim(), String(process.pid));
      await store.close();
      assert.ok(!existsSync(join(directory, "lock")), "closing gives the directory up");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
