/** Label and field selectors, pagination, watches. */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, gizmo, GROUP_VERSION, gizmosPath, itemNames, resourceVersionOf } from "./helpers.js";

async function labelledGizmos(t: CaseContext): Promise<void> {
  const labels: Record<string, Record<string, string>> = {
    a: { tier: "front", env: "prod", suite: t.namespace },
    b: { tier: "back", env: "prod", suite: t.namespace },
    c: { tier: "back", suite: t.namespace },
    d: { suite: t.namespace },
  };
  for (const [name, labelSet] of Object.entries(labels)) {
    expectStatus(
      await t.send({
        method: "POST",
        path: gizmosPath(t.namespace),
        body: gizmo(name, { size: 1 }, { labels: labelSet }),
      }),
      201,
    );
  }
}

function listWith(t: CaseContext, query: string) {
  return t.http({ path: `${gizmosPath(t.namespace)}?${query}` });
}

export const readCases: ConformanceCase[] = [
  {
    area: "selectors",
    name: "label selectors: =, ==, !=, in, notin, exists, !exists and combinations",
    async run(t) {
      await labelledGizmos(t);
      const expectations: [string, string[]][] = [
        ["tier=back", ["b", "c"]],
        ["tier==front", ["a"]],
        ["tier!=back", ["a", "d"]],
        ["tier in (front,back)", ["a", "b", "c"]],
        ["tier notin (front)", ["b", "c", "d"]],
        ["env", ["a", "b"]],
        ["!env", ["c", "d"]],
        ["tier=back,env=prod", ["b"]],
      ];
      for (const [selector, names] of expectations) {
        const response = await listWith(t, `labelSelector=${encodeURIComponent(selector)}`);
        assert.deepEqual(itemNames(response), names, selector);
      }
    },
  },
  {
    area: "selectors",
    name: "field selectors on metadata.name and metadata.namespace",
    async run(t) {
      await labelledGizmos(t);
      assert.deepEqual(itemNames(await listWith(t, "fieldSelector=metadata.name%3Db")), ["b"]);
      assert.deepEqual(itemNames(await listWith(t, "fieldSelector=metadata.name!%3Db")), ["a", "c", "d"]);
      const all = await t.http({
        path: `/apis/${GROUP_VERSION}/gizmos?fieldSelector=metadata.namespace%3D${t.namespace}`,
      });
      assert.equal(itemNames(all).length, 4);
    },
  },
  {
    area: "selectors",
    name: "an all-namespaces list filters by label",
    async run(t) {
      await labelledGizmos(t);
      const response = await t.http({
        path: `/apis/${GROUP_VERSION}/gizmos?labelSelector=suite%3D${t.namespace},tier`,
      });
      assert.deepEqual(itemNames(response), ["a", "b", "c"]);
    },
  },
  {
    area: "selectors",
    name: "an invalid label selector and an unsupported field selector are 400",
    async run(t) {
      expectStatus(await listWith(t, `labelSelector=${encodeURIComponent("tier in (")}`), 400);
      expectStatus(await listWith(t, "fieldSelector=spec.size%3D1"), 400);
    },
  },
  {
    area: "pagination",
    name: "limit and continue page through a list with remainingItemCount",
    async run(t) {
      for (const name of ["p1", "p2", "p3", "p4", "p5"])
        await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo(name) });
      const pages: string[][] = [];
      let token = "";
      do {
        const response = await listWith(t, `limit=2${token ? `&continue=${encodeURIComponent(token)}` : ""}`);
        expectStatus(response, 200);
        pages.push(itemNames(response));
        token = (bodyOf(response)["metadata"].continue as string | undefined) ?? "";
      } while (token);
      assert.deepEqual(pages, [["p1", "p2"], ["p3", "p4"], ["p5"]]);
    },
  },
  {
    area: "pagination",
    name: "a malformed continue token is 400",
    async run(t) {
      expectStatus(await listWith(t, "limit=1&continue=not-a-token"), 400);
    },
  },
  {
    area: "watch",
    name: "a watch from a list's resourceVersion sees ADDED, MODIFIED and DELETED",
    async run(t) {
      const rv = resourceVersionOf(await t.send({ path: gizmosPath(t.namespace) }));
      const result = await t.watch(`${gizmosPath(t.namespace)}?watch=true&resourceVersion=${rv}`, {
        maxEvents: 3,
        timeoutMs: 10_000,
        onOpen: async () => {
          const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("w") });
          await t.send({
            method: "PUT",
            path: gizmosPath(t.namespace, "w"),
            body: { ...bodyOf(created), spec: { size: 4 } },
          });
          await t.send({ method: "DELETE", path: gizmosPath(t.namespace, "w") });
        },
      });
      assert.deepEqual(
        result.events.map((event) => event.type),
        ["ADDED", "MODIFIED", "DELETED"],
      );
    },
  },
  {
    area: "watch",
    name: "a watch resumed from a resourceVersion replays only later changes",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("before") });
      const middle = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("middle") });
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("after") });
      const result = await t.watch(
        `${gizmosPath(t.namespace)}?watch=true&resourceVersion=${resourceVersionOf(middle)}`,
        {
          maxEvents: 1,
          timeoutMs: 3_000,
        },
      );
      assert.deepEqual(
        result.events.map((event) => (event.object as { metadata: { name: string } }).metadata.name),
        ["after"],
      );
    },
  },
  {
    area: "watch",
    name: "a watch without resourceVersion starts with ADDED for existing objects",
    async run(t) {
      for (const name of ["x1", "x2"])
        await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo(name) });
      const result = await t.watch(`${gizmosPath(t.namespace)}?watch=true`, { maxEvents: 2, timeoutMs: 5_000 });
      assert.deepEqual(
        result.events.map((event) => event.type),
        ["ADDED", "ADDED"],
      );
    },
  },
  {
    area: "watch",
    name: "a watch with a label selector sees only matching objects",
    async run(t) {
      const rv = resourceVersionOf(await t.send({ path: gizmosPath(t.namespace) }));
      const result = await t.watch(
        `${gizmosPath(t.namespace)}?watch=true&labelSelector=pick%3Dyes&resourceVersion=${rv}`,
        {
          maxEvents: 1,
          timeoutMs: 10_000,
          onOpen: async () => {
            await t.send({
              method: "POST",
              path: gizmosPath(t.namespace),
              body: gizmo("no", { size: 1 }, { labels: { pick: "no" } }),
            });
            await t.send({
              method: "POST",
              path: gizmosPath(t.namespace),
              body: gizmo("yes", { size: 1 }, { labels: { pick: "yes" } }),
            });
          },
        },
      );
      assert.deepEqual(
        result.events.map((event) => (event.object as { metadata: { name: string } }).metadata.name),
        ["yes"],
      );
    },
  },
  {
    area: "watch",
    name: "timeoutSeconds ends the watch",
    async run(t) {
      const started = Date.now();
      const result = await t.watch(`${gizmosPath(t.namespace)}?watch=true&timeoutSeconds=1&resourceVersion=0`, {
        maxEvents: 100,
        timeoutMs: 10_000,
      });
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 5_000, `the watch should end after about 1 s, took ${elapsed} ms`);
      assert.equal(result.status, 200);
    },
  },
  {
    area: "watch",
    name: "a watch from a far too old resourceVersion gets 410 Expired",
    async run(t) {
      const result = await t.watch(`${gizmosPath(t.namespace)}?watch=true&resourceVersion=1`, {
        maxEvents: 1,
        timeoutMs: 5_000,
      });
      const first = result.events[0];
      assert.ok(first, "an event or error body is expected");
      assert.equal((first.object as { code?: number }).code, 410);
    },
  },
  {
    area: "watch",
    name: "a watch on a single object via fieldSelector sees its deletion",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("solo") });
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("other") });
      const rv = resourceVersionOf(await t.send({ path: gizmosPath(t.namespace) }));
      const result = await t.watch(
        `${gizmosPath(t.namespace)}?watch=true&fieldSelector=metadata.name%3Dsolo&resourceVersion=${rv}`,
        {
          maxEvents: 1,
          timeoutMs: 10_000,
          onOpen: async () => {
            await t.send({ method: "DELETE", path: gizmosPath(t.namespace, "other") });
            await t.send({ method: "DELETE", path: gizmosPath(t.namespace, "solo") });
          },
        },
      );
      assert.deepEqual(
        result.events.map((event) => event.type),
        ["DELETED"],
      );
    },
  },
];
