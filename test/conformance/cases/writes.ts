/** Patches (merge, JSON, apply with managedFields and conflicts, strategic), finalizers. */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus, gizmo, GROUP_VERSION, gizmosPath } from "./helpers.js";

const MERGE = "application/merge-patch+json";
const JSON_PATCH = "application/json-patch+json";
const APPLY = "application/apply-patch+yaml";
const STRATEGIC = "application/strategic-merge-patch+json";

function patch(t: CaseContext, path: string, contentType: string, body: unknown, query = "") {
  return t.http({
    method: "PATCH",
    path: `${path}${query}`,
    contentType,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const writeCases: ConformanceCase[] = [
  {
    area: "patch",
    name: "a merge patch changes one field and null removes one",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("m", { size: 3, label: "abc" }) });
      const response = await patch(t, gizmosPath(t.namespace, "m"), MERGE, { spec: { color: "blue", label: null } });
      expectStatus(response, 200);
      assert.equal(bodyOf(response)["spec"].color, "blue");
      assert.equal(bodyOf(response)["spec"].label, undefined);
    },
  },
  {
    area: "patch",
    name: "a JSON patch applies operations in order, and a failing test op is rejected",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("j", { size: 3, tags: ["a"] }) });
      const ok = await patch(t, gizmosPath(t.namespace, "j"), JSON_PATCH, [
        { op: "test", path: "/spec/size", value: 3 },
        { op: "replace", path: "/spec/size", value: 4 },
        { op: "add", path: "/spec/tags/-", value: "b" },
      ]);
      expectStatus(ok, 200);
      assert.deepEqual(bodyOf(ok)["spec"].tags, ["a", "b"]);
      const failing = await patch(t, gizmosPath(t.namespace, "j"), JSON_PATCH, [
        { op: "test", path: "/spec/size", value: 99 },
      ]);
      assert.ok(failing.status >= 400);
      const badPath = await patch(t, gizmosPath(t.namespace, "j"), JSON_PATCH, [
        { op: "remove", path: "/spec/nothing" },
      ]);
      assert.ok(badPath.status >= 400);
    },
  },
  {
    area: "patch",
    name: "a patch that makes the object invalid is 422 and changes nothing",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("inv") });
      expectStatus(await patch(t, gizmosPath(t.namespace, "inv"), MERGE, { spec: { size: 100 } }), 422);
      assert.equal(bodyOf(await t.http({ path: gizmosPath(t.namespace, "inv") }))["spec"].size, 3);
    },
  },
  {
    area: "patch",
    name: "strategic merge patch on a custom resource is 415, on a configmap it works",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("smp") });
      expectStatus(await patch(t, gizmosPath(t.namespace, "smp"), STRATEGIC, { spec: { size: 4 } }), 415);
      await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("cm") });
      expectStatus(await patch(t, configMapsPath(t.namespace, "cm"), STRATEGIC, { data: { more: "x" } }), 200);
    },
  },
  {
    area: "patch",
    name: "server-side apply creates an object and records managedFields",
    async run(t) {
      const manifest = `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: ssa\nspec:\n  size: 2\n  color: green\n`;
      const created = await patch(t, gizmosPath(t.namespace, "ssa"), APPLY, manifest, "?fieldManager=alice");
      expectStatus(created, 201);
      const managed = bodyOf(created)["metadata"].managedFields as { manager: string; operation: string }[];
      assert.deepEqual(
        managed.map((entry) => [entry.manager, entry.operation]),
        [["alice", "Apply"]],
      );
      const again = await patch(t, gizmosPath(t.namespace, "ssa"), APPLY, manifest, "?fieldManager=alice");
      expectStatus(again, 200);
    },
  },
  {
    area: "patch",
    name: "server-side apply of a field another manager owns is 409 Conflict, unless forced",
    async run(t) {
      const manifest = (size: number) =>
        `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: owned\nspec:\n  size: ${size}\n`;
      expectStatus(await patch(t, gizmosPath(t.namespace, "owned"), APPLY, manifest(2), "?fieldManager=alice"), 201);
      const conflict = await patch(t, gizmosPath(t.namespace, "owned"), APPLY, manifest(5), "?fieldManager=bob");
      expectStatus(conflict, 409);
      const forced = await patch(
        t,
        gizmosPath(t.namespace, "owned"),
        APPLY,
        manifest(5),
        "?fieldManager=bob&force=true",
      );
      expectStatus(forced, 200);
      assert.equal(bodyOf(forced)["spec"].size, 5);
    },
  },
  {
    area: "patch",
    name: "a merge patch records an Update entry in managedFields beside the applier's",
    async run(t) {
      const manifest = `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: mixed\nspec:\n  size: 2\n`;
      await patch(t, gizmosPath(t.namespace, "mixed"), APPLY, manifest, "?fieldManager=alice");
      const merged = await patch(
        t,
        gizmosPath(t.namespace, "mixed"),
        MERGE,
        { spec: { color: "blue" } },
        "?fieldManager=carol",
      );
      expectStatus(merged, 200);
      const managers = (bodyOf(merged)["metadata"].managedFields as { manager: string }[])
        .map((entry) => entry.manager)
        .sort();
      assert.deepEqual(managers, ["alice", "carol"]);
    },
  },
  {
    area: "patch",
    name: "apply without fieldManager is 422, and a malformed patch body is 400",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("nofm") });
      expectStatus(
        await patch(
          t,
          gizmosPath(t.namespace, "nofm"),
          APPLY,
          `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: nofm\n`,
        ),
        422,
      );
      expectStatus(await patch(t, gizmosPath(t.namespace, "nofm"), MERGE, "{not json"), 400);
      expectStatus(await patch(t, gizmosPath(t.namespace, "nofm"), JSON_PATCH, { not: "a list" }), 400);
    },
  },
  {
    area: "patch",
    name: "a merge patch of a missing object is 404",
    async run(t) {
      expectStatus(await patch(t, gizmosPath(t.namespace, "ghost"), MERGE, { spec: { size: 2 } }), 404);
    },
  },
  {
    area: "finalizers",
    name: "a finalizer keeps a deleted object until it is removed",
    async run(t) {
      await t.send({
        method: "POST",
        path: gizmosPath(t.namespace),
        body: gizmo("fin", { size: 3 }, { finalizers: ["example.com/hold"] }),
      });
      const deleted = await t.http({ method: "DELETE", path: gizmosPath(t.namespace, "fin") });
      expectStatus(deleted, 200);
      assert.ok(bodyOf(deleted)["metadata"].deletionTimestamp);
      const held = await t.http({ path: gizmosPath(t.namespace, "fin") });
      expectStatus(held, 200);
      const adding = await patch(t, gizmosPath(t.namespace, "fin"), MERGE, {
        metadata: { finalizers: ["example.com/hold", "example.com/more"] },
      });
      expectStatus(adding, 422);
      const spec = await patch(t, gizmosPath(t.namespace, "fin"), MERGE, { spec: { size: 4 } });
      expectStatus(spec, 200);
      expectStatus(await patch(t, gizmosPath(t.namespace, "fin"), MERGE, { metadata: { finalizers: null } }), 200);
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "fin") }), 404);
    },
  },
  {
    area: "finalizers",
    name: "deleting an object that is already being deleted returns it again",
    async run(t) {
      await t.send({
        method: "POST",
        path: gizmosPath(t.namespace),
        body: gizmo("twice", { size: 3 }, { finalizers: ["example.com/hold"] }),
      });
      expectStatus(await t.http({ method: "DELETE", path: gizmosPath(t.namespace, "twice") }), 200);
      expectStatus(await t.http({ method: "DELETE", path: gizmosPath(t.namespace, "twice") }), 200);
      await t.send({
        method: "PATCH",
        path: gizmosPath(t.namespace, "twice"),
        contentType: MERGE,
        body: { metadata: { finalizers: null } },
      });
    },
  },
  {
    area: "finalizers",
    name: "a delete with a stale resourceVersion precondition is 409",
    async run(t) {
      const created = bodyOf(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("pre") }));
      await t.send({
        method: "PATCH",
        path: gizmosPath(t.namespace, "pre"),
        contentType: MERGE,
        body: { spec: { size: 4 } },
      });
      const response = await t.http({
        method: "DELETE",
        path: gizmosPath(t.namespace, "pre"),
        body: {
          kind: "DeleteOptions",
          apiVersion: "v1",
          preconditions: { resourceVersion: created["metadata"].resourceVersion },
        },
      });
      expectStatus(response, 409);
    },
  },
];
