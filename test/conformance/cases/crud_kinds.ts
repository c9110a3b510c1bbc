/**
 * Create, read and delete beyond gizmos and configmaps: dry runs, secrets, service accounts, leases,
 * events, cluster-scoped custom resources, immutable ConfigMaps and Secrets.
 */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import {
  bodyOf,
  clusterCrd,
  configMap,
  configMapsPath,
  CRDS,
  establish,
  expectStatus,
  gizmo,
  gizmosPath,
  GROUP_VERSION,
  MERGE,
} from "./helpers.js";

export const crudKindCases: ConformanceCase[] = [
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
    area: "crud",
    name: "an immutable ConfigMap or Secret refuses data changes; a Secret's type cannot change",
    async run(t) {
      expectStatus(
        await t.http({
          method: "POST",
          path: configMapsPath(t.namespace),
          body: { ...configMap("frozen"), immutable: true },
        }),
        201,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: configMapsPath(t.namespace, "frozen"),
          contentType: MERGE,
          body: { data: { key: "other" } },
        }),
        422,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: configMapsPath(t.namespace, "frozen"),
          contentType: MERGE,
          body: { immutable: false },
        }),
        422,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: configMapsPath(t.namespace, "frozen"),
          contentType: MERGE,
          body: { metadata: { labels: { a: "b" } } },
        }),
        200,
      );
      const secrets = `/api/v1/namespaces/${t.namespace}/secrets`;
      const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "Opaque", data: { k: "dg==" } };
      expectStatus(await t.http({ method: "POST", path: secrets, body: { ...secret, immutable: true } }), 201);
      expectStatus(
        await t.http({ method: "PATCH", path: `${secrets}/s`, contentType: MERGE, body: { stringData: { k: "w" } } }),
        422,
      );
      expectStatus(
        await t.http({ method: "POST", path: secrets, body: { ...secret, metadata: { name: "typed" } } }),
        201,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: `${secrets}/typed`,
          contentType: MERGE,
          body: { type: "example.com/other" },
        }),
        422,
      );
    },
  },
];
