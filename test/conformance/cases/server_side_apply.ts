/**
 * Server-side apply with two managers: list-map, set and atomic fields of the Rack CRD (rack_crd.ts),
 * dropped fields, a PUT taking fields over, and ConfigMap data keys and labels.
 */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { APPLY, bodyOf, configMapsPath, expectStatus } from "./helpers.js";
import { applyAs, installRacks, rackManifest } from "./rack_crd.js";

export const serverSideApplyCases: ConformanceCase[] = [
  {
    area: "patch",
    name: "server-side apply: two managers keep their own items of a list-map and of a set",
    async run(t) {
      const racks = await installRacks(t);
      const alice = rackManifest(racks, "r", { ports: [{ name: "http", port: 80 }], tags: ["x"] });
      expectStatus(await applyAs(t, racks("r"), alice, "alice"), 201);
      const bob = rackManifest(racks, "r", { ports: [{ name: "metrics", port: 9090 }], tags: ["y"] });
      const both = await applyAs(t, racks("r"), bob, "bob");
      expectStatus(both, 200);
      assert.deepEqual(bodyOf(both)["spec"].ports, [
        { name: "http", port: 80 },
        { name: "metrics", port: 9090 },
      ]);
      assert.deepEqual(bodyOf(both)["spec"].tags, ["x", "y"]);
      const conflict = await applyAs(
        t,
        racks("r"),
        rackManifest(racks, "r", { ports: [{ name: "http", port: 8080 }] }),
        "bob",
      );
      expectStatus(conflict, 409);
    },
  },
  {
    area: "patch",
    name: "server-side apply: an atomic list and an atomic map are owned and replaced whole",
    async run(t) {
      const racks = await installRacks(t);
      const alice = rackManifest(racks, "r", { hosts: ["h1", "h2"], selector: { app: "a", tier: "web" } });
      expectStatus(await applyAs(t, racks("r"), alice, "alice"), 201);
      const bob = rackManifest(racks, "r", { hosts: ["h3"], selector: { app: "b" } });
      expectStatus(await applyAs(t, racks("r"), bob, "bob"), 409);
      const forced = await applyAs(t, racks("r"), bob, "bob", true);
      expectStatus(forced, 200);
      assert.deepEqual(bodyOf(forced)["spec"].hosts, ["h3"]);
      assert.deepEqual(bodyOf(forced)["spec"].selector, { app: "b" });
    },
  },
  {
    area: "patch",
    name: "server-side apply: a dropped field is removed unless another manager co-owns it",
    async run(t) {
      const racks = await installRacks(t);
      const first = rackManifest(racks, "r", {
        a: "one",
        b: "two",
        ports: [{ name: "http", port: 80 }],
        tags: ["x", "shared"],
      });
      expectStatus(await applyAs(t, racks("r"), first, "alice"), 201);
      expectStatus(await applyAs(t, racks("r"), rackManifest(racks, "r", { b: "two", tags: ["shared"] }), "bob"), 200);
      const dropped = await applyAs(t, racks("r"), rackManifest(racks, "r", { tags: ["x"] }), "alice");
      expectStatus(dropped, 200);
      assert.equal(bodyOf(dropped)["spec"].a, undefined);
      assert.equal(bodyOf(dropped)["spec"].b, "two");
      assert.deepEqual(bodyOf(dropped)["spec"].tags, ["x", "shared"]);
    },
  },
  {
    area: "patch",
    name: "server-side apply: a PUT takes fields over without conflict; the applier then conflicts with it; an empty apply gives fields up",
    async run(t) {
      const racks = await installRacks(t);
      expectStatus(await applyAs(t, racks("r"), rackManifest(racks, "r", { a: "one", b: "two" }), "alice"), 201);
      const live = bodyOf(await t.send({ path: racks("r") }));
      const put = await t.http({
        method: "PUT",
        path: `${racks("r")}?fieldManager=controller`,
        body: { ...live, spec: { ...live["spec"], a: "changed" } },
      });
      expectStatus(put, 200);
      expectStatus(await applyAs(t, racks("r"), rackManifest(racks, "r", { a: "one", b: "two" }), "alice"), 409);
      const dry = await t.http({
        method: "PATCH",
        path: `${racks("r")}?fieldManager=alice&dryRun=All&force=true`,
        contentType: APPLY,
        body: rackManifest(racks, "r", { a: "one" }),
      });
      expectStatus(dry, 200);
      const released = await applyAs(t, racks("r"), rackManifest(racks, "r", undefined), "alice");
      expectStatus(released, 200);
      assert.deepEqual(bodyOf(released)["spec"], { a: "changed" });
    },
  },
  {
    area: "patch",
    name: "server-side apply on a ConfigMap: each manager keeps its data keys and labels; dropping them all leaves none",
    async run(t) {
      const manifest = (data: Record<string, string> | undefined, labels?: Record<string, string>) =>
        JSON.stringify({
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "shared", ...(labels ? { labels } : {}) },
          ...(data ? { data } : {}),
        });
      expectStatus(
        await applyAs(t, configMapsPath(t.namespace, "shared"), manifest({ a: "1" }, { team: "x" }), "alice"),
        201,
      );
      expectStatus(
        await applyAs(t, configMapsPath(t.namespace, "shared"), manifest({ b: "2" }, { tier: "y" }), "bob"),
        200,
      );
      const aliceGone = await applyAs(t, configMapsPath(t.namespace, "shared"), manifest(undefined), "alice");
      expectStatus(aliceGone, 200);
      assert.deepEqual(bodyOf(aliceGone)["data"], { b: "2" });
      const bobGone = await applyAs(t, configMapsPath(t.namespace, "shared"), manifest(undefined), "bob");
      expectStatus(bobGone, 200);
      assert.equal(bodyOf(bobGone)["data"], undefined);
      assert.equal(bodyOf(bobGone)["metadata"].labels, undefined);
    },
  },
];
