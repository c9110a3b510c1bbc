/**
 * What an update may change and when it is written at all: immutable metadata, a PUT of a missing
 * custom resource, patches whose only change is pruned, and JSON patch operations on absent keys.
 */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import {
  APPLY,
  MERGE,
  bodyOf,
  configMap,
  configMapsPath,
  expectStatus,
  gizmo,
  gizmosPath,
  resourceVersionOf,
} from "./helpers.js";

const JSON_PATCH = "application/json-patch+json";

export const updateRuleCases: ConformanceCase[] = [
  {
    area: "crud",
    name: "a PUT of a missing custom resource is 404 NotFound, with or without resourceVersion",
    async run(t) {
      expectStatus(await t.http({ method: "PUT", path: gizmosPath(t.namespace, "ghost"), body: gizmo("ghost") }), 404);
      const withVersion = gizmo("ghost", { size: 3 }, { resourceVersion: "5" });
      expectStatus(await t.http({ method: "PUT", path: gizmosPath(t.namespace, "ghost"), body: withVersion }), 404);
      expectStatus(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("g") }), 201);
      // An existing custom resource still needs a resourceVersion: no unconditional update.
      expectStatus(await t.http({ method: "PUT", path: gizmosPath(t.namespace, "g"), body: gizmo("g") }), 422);
    },
  },
  {
    area: "crud",
    name: "metadata.uid changed by a merge patch or server-side apply is 422 field is immutable, by a PUT 409",
    async run(t) {
      expectStatus(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("g") }), 201);
      expectStatus(await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("c") }), 201);
      const changeUid = { metadata: { uid: "0b1f5a57-0000-4000-8000-000000000000" } };
      for (const path of [gizmosPath(t.namespace, "g"), configMapsPath(t.namespace, "c")]) {
        const response = await t.http({ method: "PATCH", path, contentType: MERGE, body: changeUid });
        expectStatus(response, 422);
        assert.match(String(bodyOf(response)["message"]), /metadata\.uid: Invalid value: .*: field is immutable/);
      }
      // A PUT's uid is a precondition on the stored object: a Conflict before any validation.
      const stored = bodyOf(await t.send({ path: configMapsPath(t.namespace, "c") }));
      const put = { ...configMap("c", { key: "other" }), metadata: { ...stored["metadata"], uid: "someone-else" } };
      expectStatus(await t.http({ method: "PUT", path: configMapsPath(t.namespace, "c"), body: put }), 409);
      const putGizmo = gizmo("g", { size: 3 }, { uid: "someone-else" });
      expectStatus(await t.http({ method: "PUT", path: gizmosPath(t.namespace, "g"), body: putGizmo }), 409);
      const apply = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", uid: "someone-else" } };
      const applied = await t.http({
        method: "PATCH",
        path: `${configMapsPath(t.namespace, "c")}?fieldManager=conformance`,
        contentType: APPLY,
        body: apply,
      });
      expectStatus(applied, 422);
      // A write naming the stored uid, or none, is an ordinary update.
      const same = { metadata: { uid: stored["metadata"].uid }, data: { key: "same-uid" } };
      expectStatus(
        await t.send({ method: "PATCH", path: configMapsPath(t.namespace, "c"), contentType: MERGE, body: same }),
        200,
      );
      const after = bodyOf(await t.send({ path: configMapsPath(t.namespace, "c") }));
      t.record("data after the refused writes and the same-uid patch", after["data"]);
      assert.deepEqual(after["data"], { key: "same-uid" });
    },
  },
  {
    area: "defaulting-pruning",
    name: "a patch that changes only pruned unknown fields writes nothing",
    async run(t) {
      const created = await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("g") });
      expectStatus(created, 201);
      const patched = await t.http({
        method: "PATCH",
        path: gizmosPath(t.namespace, "g"),
        contentType: MERGE,
        body: { spec: { unknownField: 1 }, topLevelUnknown: true },
      });
      expectStatus(patched, 200);
      const unchanged = {
        resourceVersion: resourceVersionOf(patched) === resourceVersionOf(created),
        generation: bodyOf(patched)["metadata"].generation,
      };
      t.record("resourceVersion kept, generation", unchanged);
      assert.deepEqual(unchanged, { resourceVersion: true, generation: 1 });
    },
  },
  {
    area: "patch",
    name: "JSON patch reads an absent object key as null: replace sets it, copy from it adds null, test of it passes",
    async run(t) {
      expectStatus(await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("c") }), 201);
      expectStatus(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("g") }), 201);
      const patchConfigMap = (operations: unknown[]) =>
        t.http({ method: "PATCH", path: configMapsPath(t.namespace, "c"), contentType: JSON_PATCH, body: operations });
      expectStatus(await patchConfigMap([{ op: "replace", path: "/data/absent", value: "set" }]), 200);
      expectStatus(await patchConfigMap([{ op: "replace", path: "/metadata/labels", value: { a: "b" } }]), 200);
      expectStatus(
        await patchConfigMap([
          { op: "test", path: "/data/missing", value: null },
          { op: "test", path: "/data/missing" },
          { op: "add", path: "/data/tested", value: "yes" },
        ]),
        200,
      );
      // A missing parent, an array index out of range and a move from an absent key still fail.
      expectStatus(await patchConfigMap([{ op: "replace", path: "/absent/child", value: 1 }]), 422);
      expectStatus(await patchConfigMap([{ op: "copy", from: "/absent/child", path: "/data/x" }]), 422);
      expectStatus(await patchConfigMap([{ op: "move", from: "/data/absent-key", path: "/data/y" }]), 422);
      expectStatus(await patchConfigMap([{ op: "replace", path: "/metadata/finalizers/0", value: "a/b" }]), 422);
      expectStatus(await patchConfigMap([{ op: "test", path: "/data/missing", value: "x" }]), 422);
      // Copied null is dropped from a custom resource's non-nullable field, which defaulting refills.
      const copied = await t.http({
        method: "PATCH",
        path: gizmosPath(t.namespace, "g"),
        contentType: JSON_PATCH,
        body: [{ op: "copy", from: "/spec/absent", path: "/spec/color" }],
      });
      expectStatus(copied, 200);
      expectStatus(await t.http({ path: configMapsPath(t.namespace, "c") }), 200);
    },
  },
];
