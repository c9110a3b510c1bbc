/** Create, get, list, update, delete; optimistic concurrency; metadata.generation. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import {
  bodyOf,
  configMap,
  configMapsPath,
  expectStatus,
  gizmo,
  gizmosPath,
  itemNames,
  resourceVersionOf,
} from "./helpers.js";

export const crudCases: ConformanceCase[] = [
  {
    area: "crud",
    name: "a gizmo is created, read, listed, updated and deleted",
    async run(t) {
      const created = await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("g1", { size: 2 }) });
      expectStatus(created, 201);
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "g1") }), 200);
      const list = await t.http({ path: gizmosPath(t.namespace) });
      assert.deepEqual(itemNames(list), ["g1"]);
      const updated = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "g1"),
        body: { ...bodyOf(created), spec: { size: 4 } },
      });
      expectStatus(updated, 200);
      expectStatus(await t.http({ method: "DELETE", path: gizmosPath(t.namespace, "g1") }), 200);
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "g1") }), 404);
    },
  },
  {
    area: "crud",
    name: "creating an existing name is 409 AlreadyExists",
    async run(t) {
      expectStatus(await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("dup") }), 201);
      const again = await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("dup") });
      expectStatus(again, 409);
      assert.equal(bodyOf(again)["reason"], "AlreadyExists");
    },
  },
  {
    area: "crud",
    name: "generateName makes a name from the prefix",
    async run(t) {
      const created = await t.send({
        method: "POST",
        path: gizmosPath(t.namespace),
        body: { ...gizmo(""), metadata: { generateName: "gen-" } },
      });
      expectStatus(created, 201);
      const name = bodyOf(created)["metadata"].name as string;
      assert.match(name, /^gen-[a-z0-9]{5}$/);
      // The random suffix differs by design; the rest of the object must not.
      t.record("created with generateName", {
        ...bodyOf(created),
        metadata: { ...bodyOf(created)["metadata"], name: "gen-<random>" },
      });
    },
  },
  {
    area: "crud",
    name: "reading and deleting a missing object are 404 NotFound",
    async run(t) {
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "missing") }), 404);
      expectStatus(await t.http({ method: "DELETE", path: gizmosPath(t.namespace, "missing") }), 404);
      expectStatus(await t.http({ path: configMapsPath(t.namespace, "missing") }), 404);
    },
  },
  {
    area: "crud",
    name: "a body whose name differs from the URL's is 400 BadRequest",
    async run(t) {
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("a") });
      const response = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "a"),
        body: { ...bodyOf(created), metadata: { ...bodyOf(created)["metadata"], name: "b" } },
      });
      expectStatus(response, 400);
    },
  },
  {
    area: "crud",
    name: "a body whose namespace differs from the URL's is 400 BadRequest",
    async run(t) {
      const response = await t.http({
        method: "POST",
        path: gizmosPath(t.namespace),
        body: gizmo("a", { size: 1 }, { namespace: "other" }),
      });
      expectStatus(response, 400);
    },
  },
  {
    area: "crud",
    name: "configmaps are created, listed, updated and deleted",
    async run(t) {
      const created = await t.http({
        method: "POST",
        path: configMapsPath(t.namespace),
        body: configMap("cm", { a: "1" }),
      });
      expectStatus(created, 201);
      expectStatus(
        await t.http({
          method: "PUT",
          path: configMapsPath(t.namespace, "cm"),
          body: { ...bodyOf(created), data: { a: "2" } },
        }),
        200,
      );
      const list = await t.http({ path: configMapsPath(t.namespace) });
      assert.ok(itemNames(list).includes("cm"));
      expectStatus(await t.http({ method: "DELETE", path: configMapsPath(t.namespace, "cm") }), 200);
    },
  },
  {
    area: "crud",
    name: "deletecollection removes every gizmo of the namespace",
    async run(t) {
      for (const name of ["d1", "d2"])
        await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo(name) });
      expectStatus(await t.http({ method: "DELETE", path: gizmosPath(t.namespace) }), 200);
      assert.deepEqual(itemNames(await t.http({ path: gizmosPath(t.namespace) })), []);
    },
  },
  {
    area: "crud",
    name: "an invalid object name is 422 Invalid",
    async run(t) {
      const response = await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("Not_A_DNS_Name") });
      expectStatus(response, 422);
      expectStatus(await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("UPPER") }), 422);
    },
  },
  {
    area: "concurrency",
    name: "an update with a stale resourceVersion is 409 Conflict",
    async run(t) {
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("c") });
      expectStatus(
        await t.send({
          method: "PUT",
          path: gizmosPath(t.namespace, "c"),
          body: { ...bodyOf(created), spec: { size: 5 } },
        }),
        200,
      );
      const stale = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "c"),
        body: { ...bodyOf(created), spec: { size: 6 } },
      });
      expectStatus(stale, 409);
      assert.equal(bodyOf(stale)["reason"], "Conflict");
    },
  },
  {
    area: "concurrency",
    name: "an update of a custom resource without resourceVersion is 422",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("norv") });
      const response = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "norv"),
        body: gizmo("norv", { size: 9 }),
      });
      expectStatus(response, 422);
    },
  },
  {
    area: "concurrency",
    name: "of two racing updates from the same resourceVersion exactly one wins",
    async run(t) {
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("race") });
      const statuses = await Promise.all(
        [4, 5].map(
          async (size) =>
            (
              await t.send({
                method: "PUT",
                path: gizmosPath(t.namespace, "race"),
                body: { ...bodyOf(created), spec: { size } },
              })
            ).status,
        ),
      );
      t.record("statuses of the racing updates (sorted)", statuses.sort());
      assert.deepEqual(statuses, [200, 409]);
    },
  },
  {
    area: "concurrency",
    name: "a configmap update without resourceVersion is an unconditional update",
    async run(t) {
      await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("cm") });
      expectStatus(
        await t.http({ method: "PUT", path: configMapsPath(t.namespace, "cm"), body: configMap("cm", { b: "2" }) }),
        200,
      );
    },
  },
  {
    area: "generation",
    name: "generation starts at 1 and grows only with spec changes",
    async run(t) {
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("gen") });
      const generations: number[] = [bodyOf(created)["metadata"].generation as number];
      const specChange = await t.send({
        method: "PUT",
        path: gizmosPath(t.namespace, "gen"),
        body: { ...bodyOf(created), spec: { size: 8 } },
      });
      generations.push(bodyOf(specChange)["metadata"].generation as number);
      const labelChange = await t.send({
        method: "PUT",
        path: gizmosPath(t.namespace, "gen"),
        body: { ...bodyOf(specChange), metadata: { ...bodyOf(specChange)["metadata"], labels: { a: "b" } } },
      });
      generations.push(bodyOf(labelChange)["metadata"].generation as number);
      const statusChange = await t.send({
        method: "PUT",
        path: gizmosPath(t.namespace, "gen", "status"),
        body: { ...bodyOf(labelChange), status: { phase: "Ready" } },
      });
      generations.push(bodyOf(statusChange)["metadata"].generation as number);
      const sameSpec = await t.send({
        method: "PUT",
        path: gizmosPath(t.namespace, "gen"),
        body: bodyOf(statusChange),
      });
      generations.push(bodyOf(sameSpec)["metadata"].generation as number);
      t.record("generations after create, spec, labels, status, no-op", generations);
      assert.deepEqual(generations, [1, 2, 2, 2, 2]);
    },
  },
  {
    area: "generation",
    name: "a no-op update keeps the resourceVersion",
    async run(t) {
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("noop") });
      const again = await t.send({ method: "PUT", path: gizmosPath(t.namespace, "noop"), body: bodyOf(created) });
      expectStatus(again, 200);
      t.record("resourceVersion unchanged", resourceVersionOf(again) === resourceVersionOf(created));
      assert.equal(resourceVersionOf(again), resourceVersionOf(created));
    },
  },
];
