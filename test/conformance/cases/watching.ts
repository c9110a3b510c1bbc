/** Watches as clients use them: the real `kubectl get -w`, and bookmarks. */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import { configMap, configMapsPath, expectStatus, gizmo, gizmosPath, resourceVersionOf } from "./helpers.js";

/** A watch-list of a collection holding two objects: both ADDED, then the initial-events-end bookmark. */
async function expectWatchList(t: CaseContext, collectionPath: string): Promise<void> {
  const result = await t.watch(
    `${collectionPath}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`,
    { maxEvents: 3, timeoutMs: 10_000 },
  );
  assert.deepEqual(
    result.events.map((event) => event.type),
    ["ADDED", "ADDED", "BOOKMARK"],
  );
  const bookmark = result.events[2]?.object as { metadata?: { annotations?: Record<string, string> } };
  assert.equal(bookmark.metadata?.annotations?.["k8s.io/initial-events-end"], "true");
}

export const watchingCases: ConformanceCase[] = [
  {
    area: "kubectl",
    name: "kubectl get -w prints the list, then a change as it happens",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("watched", { size: 1 }) });
      const result = await t.kubectl(["get", "gizmos", "-n", t.namespace, "-w"], {
        async whileRunning(stdout) {
          // kubectl watches from its list's resourceVersion: a change made once the list is printed is never missed.
          await t.eventually(
            "kubectl to print the list",
            async () => (stdout().includes("watched") ? true : undefined),
            20_000,
          );
          await t.send({
            method: "PATCH",
            path: gizmosPath(t.namespace, "watched"),
            contentType: "application/merge-patch+json",
            body: { spec: { size: 2 } },
          });
          await t.eventually(
            "kubectl to print the change",
            async () => ((stdout().match(/watched/g) ?? []).length >= 2 ? true : undefined),
            20_000,
          );
        },
      });
      const rows = result.stdout.trim().split("\n");
      assert.equal(rows.length, 3, result.stdout);
      assert.match(rows[2] ?? "", /^watched\s+2\s/);
    },
  },
  {
    area: "watch",
    name: "allowWatchBookmarks: an initial-events-end bookmark, and a bookmark before the watch ends",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("first") });
      const fromNow = await t.watch(
        `${gizmosPath(t.namespace)}?watch=true&resourceVersion=0&allowWatchBookmarks=true&timeoutSeconds=2`,
        {
          maxEvents: 2,
          timeoutMs: 10_000,
        },
      );
      assert.deepEqual(
        fromNow.events.map((event) => event.type),
        ["ADDED", "BOOKMARK"],
      );
      const rv = resourceVersionOf(await t.send({ path: gizmosPath(t.namespace) }));
      const resumed = await t.watch(
        `${gizmosPath(t.namespace)}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=4`,
        {
          maxEvents: 2,
          timeoutMs: 10_000,
          onOpen: async () => {
            await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("second") });
          },
        },
      );
      // kube-apiserver times this bookmark from the watch's start, so on a slow machine it may come
      // before the ADDED of the object created once the watch is open: one of each, in either order.
      assert.deepEqual(resumed.events.map((event) => event.type).sort(), ["ADDED", "BOOKMARK"]);
      const bookmark = resumed.events.find((event) => event.type === "BOOKMARK")?.object as
        { metadata?: { resourceVersion?: string } } | undefined;
      assert.ok(
        Number(bookmark?.metadata?.resourceVersion) >= Number(rv),
        "the bookmark is not before the watch's resourceVersion",
      );
    },
  },
  {
    area: "watch",
    name: "watch options: sendInitialEvents and resourceVersionMatch need each other (422)",
    async run(t) {
      // timeoutSeconds bounds each request, should a server accept one and start streaming.
      const base = `${gizmosPath(t.namespace)}?watch=true&timeoutSeconds=1`;
      expectStatus(await t.http({ path: `${base}&sendInitialEvents=false&resourceVersion=0` }), 422);
      expectStatus(await t.http({ path: `${base}&resourceVersionMatch=NotOlderThan` }), 422);
      expectStatus(await t.http({ path: `${base}&sendInitialEvents=true&resourceVersionMatch=Exact` }), 422);
    },
  },
  {
    area: "watch",
    name: "a watch-list (sendInitialEvents) replays the state and ends it with a bookmark",
    async run(t) {
      for (const name of ["i1", "i2"])
        await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo(name) });
      await expectWatchList(t, gizmosPath(t.namespace));
    },
  },
  {
    area: "watch",
    name: "a watch-list of a built-in kind (configmaps), as controller-runtime's informers start one",
    async run(t) {
      for (const name of ["w1", "w2"])
        await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap(name) });
      await expectWatchList(t, configMapsPath(t.namespace));
    },
  },
];
