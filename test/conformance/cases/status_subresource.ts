/** The status subresource as controllers write it: applied conditions, status updates and patches. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, gizmo, gizmosPath, GROUP_VERSION, MERGE } from "./helpers.js";
import { applyAs, installRacks, rackManifest } from "./rack_crd.js";

export const statusSubresourceCases: ConformanceCase[] = [
  {
    area: "subresources",
    name: "two controllers apply their own conditions on /status; one dropping its condition removes it",
    async run(t) {
      const racks = await installRacks(t, true);
      expectStatus(await applyAs(t, racks("r"), rackManifest(racks, "r", { a: "x" }), "user"), 201);
      const ready = { conditions: [{ type: "Ready", status: "True", reason: "Up" }] };
      expectStatus(
        await applyAs(t, racks("r", "status"), rackManifest(racks, "r", undefined, ready), "ready-controller"),
        200,
      );
      const synced = { conditions: [{ type: "Synced", status: "False" }] };
      const both = await applyAs(
        t,
        racks("r", "status"),
        rackManifest(racks, "r", undefined, synced),
        "sync-controller",
      );
      expectStatus(both, 200);
      assert.deepEqual(
        (bodyOf(both)["status"].conditions as { type: string }[]).map((c) => c.type),
        ["Ready", "Synced"],
      );
      const stolen = { conditions: [{ type: "Ready", status: "False" }] };
      expectStatus(
        await applyAs(t, racks("r", "status"), rackManifest(racks, "r", undefined, stolen), "sync-controller"),
        409,
      );
      const dropped = await applyAs(
        t,
        racks("r", "status"),
        rackManifest(racks, "r", undefined, { conditions: [] }),
        "ready-controller",
      );
      expectStatus(dropped, 200);
      assert.deepEqual(
        (bodyOf(dropped)["status"].conditions as { type: string }[]).map((c) => c.type),
        ["Synced"],
      );
      await t.http({ path: racks("r") });
    },
  },
  {
    area: "subresources",
    name: "server-side apply on /status records a status entry and ignores spec",
    async run(t) {
      await t.send({ method: "POST", path: `${gizmosPath(t.namespace)}?fieldManager=creator`, body: gizmo("st") });
      const manifest = JSON.stringify({
        apiVersion: GROUP_VERSION,
        kind: "Gizmo",
        metadata: { name: "st" },
        spec: { size: 9 },
        status: { phase: "Ready", replicas: 2 },
      });
      const applied = await applyAs(t, gizmosPath(t.namespace, "st", "status"), manifest, "controller");
      expectStatus(applied, 200);
      assert.equal(bodyOf(applied)["spec"].size, 3);
      assert.equal(bodyOf(applied)["status"].phase, "Ready");
      const entries = bodyOf(applied)["metadata"].managedFields as { manager: string; subresource?: string }[];
      assert.deepEqual(entries.map((entry) => [entry.manager, entry.subresource ?? ""]).sort(), [
        ["controller", "status"],
        ["creator", ""],
      ]);
    },
  },
  {
    area: "subresources",
    name: "a status update with a stale resourceVersion is 409; a status patch cannot change spec",
    async run(t) {
      const created = bodyOf(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("sv") }));
      const updated = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "sv", "status"),
        body: { ...created, status: { phase: "One" } },
      });
      expectStatus(updated, 200);
      expectStatus(
        await t.http({
          method: "PUT",
          path: gizmosPath(t.namespace, "sv", "status"),
          body: { ...created, status: { phase: "Two" } },
        }),
        409,
      );
      const patched = await t.http({
        method: "PATCH",
        path: gizmosPath(t.namespace, "sv", "status"),
        contentType: MERGE,
        body: { spec: { size: 5 }, status: { phase: "Three" } },
      });
      expectStatus(patched, 200);
      assert.equal(bodyOf(patched)["spec"].size, 3);
      assert.equal(bodyOf(patched)["metadata"].generation, 1);
    },
  },
  {
    area: "subresources",
    name: "/status of a CRD without the status subresource is 404",
    async run(t) {
      const racks = await installRacks(t);
      const created = bodyOf(
        await t.send({ method: "POST", path: racks(), body: rackManifest(racks, "r", { a: "x" }) }),
      );
      expectStatus(await t.http({ path: racks("r", "status") }), 404);
      expectStatus(
        await t.http({ method: "PUT", path: racks("r", "status"), body: { ...created, status: { phase: "p" } } }),
        404,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: racks("r", "status"),
          contentType: MERGE,
          body: { status: { phase: "p" } },
        }),
        404,
      );
      const status = await t.http({ path: racks("r") });
      assert.equal(bodyOf(status)["status"], undefined);
    },
  },
];
