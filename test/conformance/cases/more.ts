/** Built-in kinds beyond ConfigMaps, dry runs, watch-list, aggregated discovery, CRD changes. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import {
  bodyOf,
  CRDS,
  establish,
  expectStatus,
  gizmo,
  GROUP,
  GROUP_VERSION,
  gizmosPath,
  itemNames,
  resourceVersionOf,
} from "./helpers.js";

function clusterCrd(group: string) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `globes.${group}` },
    spec: {
      group,
      scope: "Cluster",
      names: { plural: "globes", singular: "globe", kind: "Globe", listKind: "GlobeList" },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: { spec: { type: "object", properties: { a: { type: "string" } } } },
            },
          },
        },
      ],
    },
  };
}

export const moreCases: ConformanceCase[] = [
  {
    area: "crud",
    name: "dryRun=All validates and answers as a create would, but stores nothing",
    async run(t) {
      expectStatus(
        await t.http({ method: "POST", path: `${gizmosPath(t.namespace)}?dryRun=All`, body: gizmo("dry") }),
        201,
      );
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "dry") }), 404);
      expectStatus(
        await t.http({
          method: "POST",
          path: `${gizmosPath(t.namespace)}?dryRun=All`,
          body: gizmo("dry", { size: 0 }),
        }),
        422,
      );
    },
  },
  {
    area: "crud",
    name: "secrets turn stringData into base64 data; serviceaccounts are stored",
    async run(t) {
      const secret = await t.http({
        method: "POST",
        path: `/api/v1/namespaces/${t.namespace}/secrets`,
        body: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { password: "hunter2" } },
      });
      expectStatus(secret, 201);
      assert.equal(bodyOf(secret)["data"].password, Buffer.from("hunter2").toString("base64"));
      expectStatus(
        await t.http({
          method: "POST",
          path: `/api/v1/namespaces/${t.namespace}/serviceaccounts`,
          body: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" } },
        }),
        201,
      );
    },
  },
  {
    area: "crud",
    name: "leases and events.k8s.io events are created and read",
    async run(t) {
      const leases = `/apis/coordination.k8s.io/v1/namespaces/${t.namespace}/leases`;
      const lease = {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name: "leader" },
        spec: { holderIdentity: "me", leaseDurationSeconds: 15 },
      };
      expectStatus(await t.http({ method: "POST", path: leases, body: lease }), 201);
      expectStatus(await t.http({ path: `${leases}/leader` }), 200);
      const events = `/apis/events.k8s.io/v1/namespaces/${t.namespace}/events`;
      const event = {
        apiVersion: "events.k8s.io/v1",
        kind: "Event",
        metadata: { name: "e1" },
        eventTime: "2026-01-01T00:00:00.000000Z",
        reportingController: "example.com/c",
        reportingInstance: "c-1",
        action: "Toggle",
        reason: "Toggled",
        type: "Normal",
        regarding: { apiVersion: GROUP_VERSION, kind: "Gizmo", name: "g", namespace: t.namespace },
        note: "switched off",
      };
      expectStatus(await t.http({ method: "POST", path: events, body: event }), 201);
      expectStatus(await t.http({ path: `/api/v1/namespaces/${t.namespace}/events/e1` }), 200);
    },
  },
  {
    area: "crud",
    name: "a cluster-scoped custom resource lives outside namespaces",
    async run(t) {
      const group = `${t.namespace}.cluster.example.com`;
      expectStatus(await t.send({ method: "POST", path: CRDS, body: clusterCrd(group) }), 201);
      await establish(t, `globes.${group}`);
      const globes = `/apis/${group}/v1/globes`;
      const created = await t.http({
        method: "POST",
        path: globes,
        body: { apiVersion: `${group}/v1`, kind: "Globe", metadata: { name: "earth" }, spec: { a: "x" } },
      });
      expectStatus(created, 201);
      assert.equal(bodyOf(created)["metadata"].namespace, undefined);
      expectStatus(await t.http({ path: `${globes}/earth` }), 200);
      expectStatus(await t.http({ path: `/apis/${group}/v1/namespaces/${t.namespace}/globes/earth` }), 404);
    },
  },
  {
    area: "crd-lifecycle",
    name: "a CRD schema update takes effect for later writes",
    async run(t) {
      const group = `${t.namespace}.update.example.com`;
      const crd = clusterCrd(group);
      expectStatus(await t.send({ method: "POST", path: CRDS, body: crd }), 201);
      await establish(t, `globes.${group}`);
      const globes = `/apis/${group}/v1/globes`;
      const before = await t.http({
        method: "POST",
        path: globes,
        body: { apiVersion: `${group}/v1`, kind: "Globe", metadata: { name: "one" }, spec: { a: "x", b: 1 } },
      });
      assert.equal(bodyOf(before)["spec"].b, undefined, "b is pruned before the update");
      const current = bodyOf(await t.send({ path: `${CRDS}/globes.${group}` }));
      const properties = current["spec"].versions[0].schema.openAPIV3Schema.properties.spec.properties;
      properties.b = { type: "integer", maximum: 5 };
      expectStatus(await t.send({ method: "PUT", path: `${CRDS}/globes.${group}`, body: current }), 200);
      const after = await t.eventually("the new field to be kept", async () => {
        const response = await t.send({
          method: "POST",
          path: `${globes}?dryRun=All`,
          body: { apiVersion: `${group}/v1`, kind: "Globe", metadata: { name: "probe" }, spec: { b: 1 } },
        });
        return bodyOf(response)["spec"]?.b === 1 ? response : undefined;
      });
      expectStatus(after, 201);
      expectStatus(
        await t.http({
          method: "POST",
          path: globes,
          body: { apiVersion: `${group}/v1`, kind: "Globe", metadata: { name: "two" }, spec: { b: 9 } },
        }),
        422,
      );
    },
  },
  {
    area: "watch",
    name: "a watch-list (sendInitialEvents) replays the state and ends it with a bookmark",
    async run(t) {
      for (const name of ["i1", "i2"])
        await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo(name) });
      const result = await t.watch(
        `${gizmosPath(t.namespace)}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`,
        { maxEvents: 3, timeoutMs: 10_000 },
      );
      assert.deepEqual(
        result.events.map((event) => event.type),
        ["ADDED", "ADDED", "BOOKMARK"],
      );
      const bookmark = result.events[2]?.object as { metadata?: { annotations?: Record<string, string> } };
      assert.equal(bookmark.metadata?.annotations?.["k8s.io/initial-events-end"], "true");
    },
  },
  {
    area: "discovery",
    name: "aggregated discovery (apidiscovery.k8s.io/v2) describes the CRD group",
    async run(t) {
      const response = await t.send({
        path: "/apis",
        accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
      });
      expectStatus(response, 200);
      const body = bodyOf(response);
      const group = (body["items"] as { metadata: { name: string } }[] | undefined)?.find(
        (item) => item.metadata.name === GROUP,
      );
      t.record("aggregated discovery: kind and the CRD group's entry", {
        kind: body["kind"],
        apiVersion: body["apiVersion"],
        group,
      });
      assert.equal(body["kind"], "APIGroupDiscoveryList");
      assert.ok(group, "the CRD group is listed");
    },
  },
  {
    area: "table",
    name: "namespaces as Table, and a Table with the objects included",
    async run(t) {
      const table = await t.send({
        path: `/api/v1/namespaces?fieldSelector=metadata.name%3D${t.namespace}`,
        accept: "application/json;as=Table;g=meta.k8s.io;v=v1",
      });
      expectStatus(table, 200);
      t.record("namespace Table", bodyOf(table));
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("obj") });
      const withObject = await t.http({
        path: `${gizmosPath(t.namespace)}?includeObject=Object`,
        accept: "application/json;as=Table;g=meta.k8s.io;v=v1",
      });
      expectStatus(withObject, 200);
      assert.equal(
        (bodyOf(withObject)["rows"] as { object: { metadata: { name: string } } }[])[0]?.object.metadata.name,
        "obj",
      );
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
  {
    area: "kubectl",
    name: "kubectl get by category and kubectl wait for a condition",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("cat") });
      const byCategory = await t.kubectl(["get", "uselessctl", "-n", t.namespace, "-o", "name"]);
      assert.equal(byCategory.stdout.trim(), "gizmo.conformance.uselessctl.dev/cat");
      const waited = await t.kubectl(["wait", "--for=condition=Established", "--timeout=20s", `crd/gizmos.${GROUP}`]);
      assert.equal(waited.code, 0, waited.stderr);
    },
  },
  {
    area: "kubectl",
    name: "kubectl explain reads the CRD schema through OpenAPI v3",
    async run(t) {
      const explained = await t.kubectl(["explain", "gizmos.spec.color"]);
      assert.equal(explained.code, 0, explained.stderr);
      assert.match(explained.stdout, /FIELD: color <string>/);
    },
  },
];
