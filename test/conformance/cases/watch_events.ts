/** Which events a watch sends, and with which object: finalized deletions and selector transitions. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { MERGE, configMap, configMapsPath, expectStatus, gizmo, gizmosPath, resourceVersionOf } from "./helpers.js";

type WatchedObject = { metadata?: { finalizers?: string[]; labels?: Record<string, string> } };

export const watchEventCases: ConformanceCase[] = [
  {
    area: "finalizers",
    name: "removing the last finalizer of a terminating object sends one DELETED with its last stored state",
    async run(t) {
      const collections = [
        { path: (name?: string) => gizmosPath(t.namespace, name), object: gizmo("held", { size: 3 }) },
        { path: (name?: string) => configMapsPath(t.namespace, name), object: configMap("held") },
      ];
      for (const { path, object } of collections) {
        const held = { ...object, metadata: { ...object.metadata, finalizers: ["conformance.uselessctl.dev/hold"] } };
        expectStatus(await t.send({ method: "POST", path: path(), body: held }), 201);
        const marked = await t.send({ method: "DELETE", path: path("held") });
        expectStatus(marked, 200);
        const since = resourceVersionOf(marked);
        const watched = await t.watch(`${path()}?watch=true&resourceVersion=${since}&timeoutSeconds=3`, {
          maxEvents: 3,
          timeoutMs: 10_000,
          onOpen: async () => {
            const released = { metadata: { finalizers: null } };
            const response = await t.http({ method: "PATCH", path: path("held"), contentType: MERGE, body: released });
            expectStatus(response, 200);
          },
        });
        const seen = watched.events.map((event) => ({
          type: event.type,
          finalizers: (event.object as WatchedObject).metadata?.finalizers,
        }));
        assert.deepEqual(seen, [{ type: "DELETED", finalizers: ["conformance.uselessctl.dev/hold"] }]);
        expectStatus(await t.http({ path: path("held") }), 404);
      }
    },
  },
  {
    area: "watch",
    name: "a watch with a label selector sends an object leaving it as DELETED with its last matching state",
    async run(t) {
      const selected = { ...gizmo("g", { size: 3 }), metadata: { name: "g", labels: { tier: "web" } } };
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: selected });
      expectStatus(created, 201);
      const since = resourceVersionOf(created);
      const watched = await t.watch(
        `${gizmosPath(t.namespace)}?watch=true&labelSelector=tier%3Dweb&resourceVersion=${since}&timeoutSeconds=3`,
        {
          maxEvents: 4,
          timeoutMs: 10_000,
          onOpen: async () => {
            const patch = (body: unknown) =>
              t.send({ method: "PATCH", path: gizmosPath(t.namespace, "g"), contentType: MERGE, body });
            expectStatus(await patch({ spec: { size: 4 } }), 200);
            expectStatus(await patch({ metadata: { labels: { tier: "db" } }, spec: { size: 5 } }), 200);
            expectStatus(await patch({ spec: { size: 6 } }), 200);
            expectStatus(await patch({ metadata: { labels: { tier: "web" } } }), 200);
          },
        },
      );
      const seen = watched.events.map((event) => ({
        type: event.type,
        tier: (event.object as WatchedObject).metadata?.labels?.["tier"],
        size: (event.object as { spec?: { size?: number } }).spec?.size,
      }));
      assert.deepEqual(seen, [
        { type: "MODIFIED", tier: "web", size: 4 },
        { type: "DELETED", tier: "web", size: 4 },
        { type: "ADDED", tier: "web", size: 6 },
      ]);
      const deleted = watched.events[1]?.object as { metadata?: { resourceVersion?: string } } | undefined;
      const modified = watched.events[0]?.object as { metadata?: { resourceVersion?: string } } | undefined;
      t.record("DELETED has a newer resourceVersion than the last MODIFIED", {
        newer: Number(deleted?.metadata?.resourceVersion) > Number(modified?.metadata?.resourceVersion),
      });
    },
  },
];
