/** Status and scale subresources; validation, defaulting, pruning, fieldValidation and CEL. */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, gizmo, gizmosPath } from "./helpers.js";

/** Creates `spec` as a gizmo and expects `status`; the Status body is what gets compared. */
function rejects(
  area: "validation" | "cel",
  name: string,
  spec: Record<string, unknown>,
  status = 422,
): ConformanceCase {
  return {
    area,
    name,
    async run(t) {
      const response = await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("bad", spec) });
      expectStatus(response, status);
      assert.equal(bodyOf(response)["reason"], "Invalid");
    },
  };
}

async function createGizmo(t: CaseContext, name: string, spec: Record<string, unknown> = { size: 3 }, query = "") {
  return t.http({ method: "POST", path: `${gizmosPath(t.namespace)}${query}`, body: gizmo(name, spec) });
}

export const schemaCases: ConformanceCase[] = [
  {
    area: "subresources",
    name: "a main-resource write ignores status; a status write changes only status",
    async run(t) {
      const created = bodyOf(await createGizmo(t, "s"));
      const main = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "s"),
        body: { ...created, status: { phase: "Ignored" } },
      });
      expectStatus(main, 200);
      assert.equal(bodyOf(main)["status"], undefined);
      const status = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "s", "status"),
        body: { ...bodyOf(main), spec: { size: 9 }, status: { phase: "Ready", replicas: 1 } },
      });
      expectStatus(status, 200);
      assert.equal(bodyOf(status)["spec"].size, 3);
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "s", "status") }), 200);
    },
  },
  {
    area: "subresources",
    name: "the scale subresource reads and writes spec.replicas",
    async run(t) {
      await createGizmo(t, "sc", { size: 3, replicas: 2 });
      await t.send({
        method: "PATCH",
        path: gizmosPath(t.namespace, "sc", "status"),
        contentType: "application/merge-patch+json",
        body: { status: { replicas: 2, selector: "app=sc" } },
      });
      const scale = await t.http({ path: gizmosPath(t.namespace, "sc", "scale") });
      expectStatus(scale, 200);
      const written = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "sc", "scale"),
        body: { ...bodyOf(scale), spec: { replicas: 5 } },
      });
      expectStatus(written, 200);
      const after = await t.http({ path: gizmosPath(t.namespace, "sc") });
      assert.equal(bodyOf(after)["spec"].replicas, 5);
      const patched = await t.http({
        method: "PATCH",
        path: gizmosPath(t.namespace, "sc", "scale"),
        contentType: "application/merge-patch+json",
        body: { spec: { replicas: -1 } },
      });
      expectStatus(patched, 422);
    },
  },
  {
    area: "subresources",
    name: "an unknown subresource is 404",
    async run(t) {
      await createGizmo(t, "u");
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "u", "nothing") }), 404);
    },
  },
  rejects("validation", "an enum violation names the supported values", { size: 3, color: "purple" }),
  rejects("validation", "minimum and maximum violations are reported together", { size: 0, replicas: -1 }),
  rejects("validation", "a missing required field is reported", { color: "red" }),
  rejects("validation", "pattern and maxLength violations are reported", { size: 3, label: "ABCDEFGHIJ" }),
  rejects("validation", "a wrong type is reported", { size: "big" }),
  rejects("validation", "too many items are reported", { size: 3, tags: ["a", "b", "c", "d"] }),
  {
    area: "validation",
    name: "null for a non-nullable field with a default gets the default",
    async run(t) {
      const response = await createGizmo(t, "nul", { size: 3, color: null });
      expectStatus(response, 201);
      assert.equal(bodyOf(response)["spec"].color, "red");
    },
  },
  {
    area: "validation",
    name: "null for a non-nullable field without a default",
    async run(t) {
      const response = await createGizmo(t, "nul2", { size: 3, label: null });
      t.record("spec after create", bodyOf(response)["spec"]);
      assert.ok([201, 422].includes(response.status));
    },
  },
  rejects("validation", "an int-or-string that is neither is reported", { size: 3, port: true }),
  {
    area: "validation",
    name: "int-or-string takes either, and nullable takes null",
    async run(t) {
      expectStatus(await createGizmo(t, "p1", { size: 3, port: 80, note: null }), 201);
      expectStatus(await createGizmo(t, "p2", { size: 3, port: "http" }), 201);
    },
  },
  {
    area: "validation",
    name: "an invalid update changes nothing",
    async run(t) {
      const created = bodyOf(await createGizmo(t, "keep"));
      expectStatus(
        await t.http({
          method: "PUT",
          path: gizmosPath(t.namespace, "keep"),
          body: { ...created, spec: { size: 99 } },
        }),
        422,
      );
      assert.equal(bodyOf(await t.http({ path: gizmosPath(t.namespace, "keep") }))["spec"].size, 3);
    },
  },
  {
    area: "defaulting-pruning",
    name: "defaults are applied on create",
    async run(t) {
      const created = await createGizmo(t, "d", { size: 2 });
      expectStatus(created, 201);
      assert.deepEqual(bodyOf(created)["spec"], { size: 2, color: "red", replicas: 1 });
    },
  },
  {
    area: "defaulting-pruning",
    name: "unknown fields are pruned, except under x-kubernetes-preserve-unknown-fields",
    async run(t) {
      const created = await createGizmo(t, "pr", { size: 2, extra: 1, config: { anything: { goes: true } } });
      expectStatus(created, 201);
      assert.equal(bodyOf(created)["spec"].extra, undefined);
      assert.deepEqual(bodyOf(created)["spec"].config, { anything: { goes: true } });
      expectStatus(
        await t.http({ method: "POST", path: gizmosPath(t.namespace), body: { ...gizmo("top"), unknownTopLevel: 1 } }),
        201,
      );
    },
  },
  {
    area: "field-validation",
    name: "fieldValidation=Strict rejects an unknown field",
    async run(t) {
      const response = await createGizmo(t, "fs", { size: 2, extra: 1 }, "?fieldValidation=Strict");
      assert.ok(response.status >= 400, `Strict must reject, got ${response.status}`);
    },
  },
  {
    area: "field-validation",
    name: "fieldValidation=Warn accepts an unknown field with a warning",
    async run(t) {
      const response = await createGizmo(t, "fw", { size: 2, extra: 1 }, "?fieldValidation=Warn");
      expectStatus(response, 201);
      assert.ok(response.warnings.length > 0, "a Warning header is expected");
    },
  },
  {
    area: "field-validation",
    name: "fieldValidation=Ignore accepts an unknown field silently",
    async run(t) {
      const response = await createGizmo(t, "fi", { size: 2, extra: 1 }, "?fieldValidation=Ignore");
      expectStatus(response, 201);
      assert.deepEqual(response.warnings, []);
    },
  },
  {
    area: "field-validation",
    name: "without fieldValidation an unknown field is accepted",
    async run(t) {
      expectStatus(await createGizmo(t, "fd", { size: 2, extra: 1 }), 201);
    },
  },
  {
    area: "field-validation",
    name: "fieldValidation=Strict rejects a duplicate field",
    async run(t) {
      const response = await t.http({
        method: "POST",
        path: `${gizmosPath(t.namespace)}?fieldValidation=Strict`,
        body: `{"apiVersion":"conformance.uselessctl.dev/v1","kind":"Gizmo","metadata":{"name":"dupfield"},"spec":{"size":1,"size":2}}`,
      });
      assert.ok(response.status >= 400);
    },
  },
  {
    area: "field-validation",
    name: "an unknown fieldValidation value is 422 naming the supported values",
    async run(t) {
      expectStatus(await createGizmo(t, "fx", { size: 2 }, "?fieldValidation=Sometimes"), 422);
    },
  },
  rejects("cel", "a failing x-kubernetes-validations rule reports its message", { size: 7 }),
  rejects("cel", "a failing rule on a nested object reports its path", { size: 3, limits: { min: 5, max: 1 } }),
  {
    area: "cel",
    name: "passing rules accept the object",
    async run(t) {
      expectStatus(await createGizmo(t, "ok", { size: 3, limits: { min: 1, max: 5 } }), 201);
    },
  },
];
