/** Lists at a resourceVersion: resourceVersionMatch, resourceVersion=0, and their validation. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, gizmo, gizmosPath, itemNames, resourceVersionOf } from "./helpers.js";

export const resourceVersionCases: ConformanceCase[] = [
  {
    area: "pagination",
    name: "lists at a resourceVersion: Exact reads the snapshot, NotOlderThan the latest, 0 the whole cache",
    async run(t) {
      const first = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("a") });
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("b") });
      const rv = resourceVersionOf(first);
      const exact = await t.http({
        path: `${gizmosPath(t.namespace)}?resourceVersion=${rv}&resourceVersionMatch=Exact`,
      });
      assert.deepEqual(itemNames(exact), ["a"]);
      assert.equal(bodyOf(exact)["metadata"].resourceVersion, rv);
      assert.deepEqual(
        itemNames(
          await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersion=${rv}&resourceVersionMatch=NotOlderThan` }),
        ),
        ["a", "b"],
      );
      assert.deepEqual(itemNames(await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersion=${rv}` })), [
        "a",
        "b",
      ]);
      // resourceVersion=0 is served from the watch cache, which does not paginate.
      const whole = await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersion=0&limit=1` });
      assert.deepEqual(itemNames(whole), ["a", "b"]);
    },
  },
  {
    area: "pagination",
    name: "list options: resourceVersionMatch rules, a malformed or future resourceVersion, continue with a resourceVersion",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("a") });
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("b") });
      expectStatus(await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersionMatch=Exact` }), 422);
      expectStatus(
        await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersion=0&resourceVersionMatch=Exact` }),
        422,
      );
      expectStatus(
        await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersion=1&resourceVersionMatch=Sometimes` }),
        422,
      );
      expectStatus(await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersion=abc` }), 400);
      const page = await t.send({ path: `${gizmosPath(t.namespace)}?limit=1` });
      const token = encodeURIComponent(bodyOf(page)["metadata"].continue as string);
      const rv = resourceVersionOf(page);
      expectStatus(
        await t.http({ path: `${gizmosPath(t.namespace)}?limit=1&continue=${token}&resourceVersion=${rv}` }),
        400,
      );
      expectStatus(await t.http({ path: `${gizmosPath(t.namespace)}?resourceVersion=${Number(rv) + 100_000}` }), 504);
    },
  },
  {
    area: "pagination",
    name: "a list at resourceVersion=0 and an exact resourceVersionMatch",
    async run(t) {
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("rv") });
      // resourceVersion=0 means "any version": the watch cache may answer before it has the create.
      expectStatus(await t.send({ path: `${gizmosPath(t.namespace)}?resourceVersion=0` }), 200);
      const exact = await t.send({
        path: `${gizmosPath(t.namespace)}?resourceVersion=${resourceVersionOf(created)}&resourceVersionMatch=Exact`,
      });
      t.record("list at the exact resourceVersion of the create", {
        status: exact.status,
        names: exact.status === 200 ? itemNames(exact) : bodyOf(exact)["reason"],
      });
    },
  },
];
