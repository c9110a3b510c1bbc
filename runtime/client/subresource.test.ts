/**
 * Subresources through the client (controller-runtime's `client.SubResource`): the scale
 * subresource of built-in workloads on the API client (paths, bodies, where answers land) and on
 * the fake client (the Scale the API server derives from its parent, and writes back).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Scale } from "../apis/k8s/autoscaling/v1.js";
import { Deployment, StatefulSet, type Deployment as DeploymentObject } from "../apis/k8s/apps/v1.js";
import { ReplicationController, type ConfigMap } from "../apis/k8s/core/v1.js";
import { createClient } from "./client.js";
import { FakeClient } from "./fake.js";
import { isConflict } from "./errors.js";
import { mergeFrom, mergePatch } from "./patch.js";
import type { Transport, TransportRequest } from "./transport.js";

function deployment(replicas?: number): DeploymentObject {
  return {
    apiVersion: Deployment.apiVersion,
    kind: Deployment.kind,
    metadata: { name: "web", namespace: "ns" },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: {
        matchLabels: { app: "web" },
        matchExpressions: [{ key: "tier", operator: "In", values: ["b", "a"] }],
      },
      template: { metadata: { labels: { app: "web", tier: "a" } }, spec: { containers: [{ name: "web" }] } },
    },
  };
}

function scaleServer() {
  const requests: TransportRequest[] = [];
  const transport: Transport = {
    request: async (req) => {
      requests.push(req);
      const sent = (req.body ?? {}) as Scale;
      return {
        apiVersion: "autoscaling/v1",
        kind: "Scale",
        metadata: { name: "web", namespace: "ns", resourceVersion: "8" },
        spec: { replicas: req.method === "GET" ? 1 : (sent.spec?.replicas ?? 5) },
      };
    },
    watch: () => Promise.resolve(),
  };
  return { transport, requests };
}

test("the API client reads and writes a subresource at its parent's path, answers landing in the body sent", async () => {
  const { transport, requests } = scaleServer();
  const client = createClient({ transport, fieldManager: "tests" });
  const web = deployment(1);
  const scale = await client.subResource("scale").get<Scale>(web);
  assert.equal(scale.spec?.replicas, 1);
  scale.spec = { replicas: 3 };
  const updated = await client.subResource("scale").update(web, { subResourceBody: scale });
  assert.equal(updated, scale, "a typed Scale comes back, the body itself");
  assert.equal(scale.metadata?.resourceVersion, "8");
  const patched = await client.subResource("scale").patch(web, mergePatch({ spec: { replicas: 5 } }));
  assert.equal(patched.kind, "Scale");
  assert.equal(web.kind, "Deployment", "a Scale answer does not overwrite the Deployment");
  assert.equal(web.spec.replicas, 1);
  assert.deepEqual(
    requests.map((req) => `${req.method} ${req.path}`),
    [
      "GET /apis/apps/v1/namespaces/ns/deployments/web/scale",
      "PUT /apis/apps/v1/namespaces/ns/deployments/web/scale?fieldManager=tests",
      "PATCH /apis/apps/v1/namespaces/ns/deployments/web/scale?fieldManager=tests",
    ],
  );
  assert.equal(requests[1]?.body, scale, "the PUT sends the Scale, not the Deployment");
  assert.deepEqual(requests[2]?.body, { spec: { replicas: 5 } });
  assert.equal(requests[2]?.contentType, "application/merge-patch+json");
});

test("status through subResource is the status writer: the answer is the object", async () => {
  const requests: TransportRequest[] = [];
  const transport: Transport = {
    request: async (req) => {
      requests.push(req);
      return { ...(req.body as object), metadata: { name: "web", namespace: "ns", resourceVersion: "9" } };
    },
    watch: () => Promise.resolve(),
  };
  const web = deployment(2);
  web.status = { replicas: 2 };
  await createClient({ transport }).subResource("status").update(web);
  assert.equal(requests[0]?.path, "/apis/apps/v1/namespaces/ns/deployments/web/status");
  assert.equal(web.metadata?.resourceVersion, "9");
});

test("the fake client derives a Deployment's Scale as the API server does", async () => {
  const client = new FakeClient({
    objects: [deployment(), { ...deployment(4), metadata: { name: "db", namespace: "ns" } }],
  });
  const scale = await client.subResource("scale").get<Scale>(deployment());
  assert.equal(scale.apiVersion, "autoscaling/v1");
  assert.equal(scale.kind, "Scale");
  assert.equal(scale.spec?.replicas, 1, "replicas default to 1");
  assert.deepEqual(scale.status, { replicas: 0, selector: "app=web,tier in (a,b)" });
  const stored = await client.get(Deployment, { namespace: "ns", name: "web" });
  assert.equal(scale.metadata?.uid, stored.metadata?.uid);
  assert.equal(scale.metadata?.resourceVersion, stored.metadata?.resourceVersion);
  assert.equal(scale.metadata?.labels, undefined, "only name, namespace, uid, resourceVersion, creationTimestamp");
});

test("the fake client's scale writes set spec.replicas, bump the generation and check the resourceVersion", async () => {
  const client = new FakeClient({ objects: [deployment(2)] });
  const web = deployment();
  const scale = await client.subResource("scale").get<Scale>(web);
  const stale = structuredClone(scale);
  scale.spec = { replicas: 5 };
  await client.subResource("scale").update(web, { subResourceBody: scale });
  assert.equal(scale.spec?.replicas, 5, "the answer lands in the Scale sent");
  let stored = await client.get(Deployment, { namespace: "ns", name: "web" });
  assert.equal(stored.spec.replicas, 5);
  assert.equal(stored.metadata?.generation, 2);
  assert.equal(scale.metadata?.resourceVersion, stored.metadata?.resourceVersion);

  await assert.rejects(client.subResource("scale").update(web, { subResourceBody: stale }), isConflict);
  await assert.rejects(client.subResource("scale").update(web), /subResourceBody/);

  const before = structuredClone(scale);
  scale.spec = { replicas: 0 };
  const patched = await client.subResource("scale").patch(web, mergeFrom(before), { subResourceBody: scale });
  assert.deepEqual(patched.spec, {}, "zero replicas are omitted, as Go's omitempty does");
  await client.subResource("scale").patch(web, mergePatch({ spec: { replicas: 7 } }));
  stored = await client.get(Deployment, { namespace: "ns", name: "web" });
  assert.equal(stored.spec.replicas, 7);
  assert.ok(client.actions.includes("update Deployment ns/web"), "a scale write is an update of the parent");
});

test("the fake client serves scale for StatefulSets and ReplicationControllers, and refuses it elsewhere", async () => {
  const statefulSet = {
    apiVersion: StatefulSet.apiVersion,
    kind: StatefulSet.kind,
    metadata: { name: "db", namespace: "ns" },
    spec: { replicas: 3, selector: { matchLabels: { app: "db" } }, serviceName: "db", template: {} },
    status: { replicas: 2 },
  };
  const controller = {
    apiVersion: ReplicationController.apiVersion,
    kind: ReplicationController.kind,
    metadata: { name: "old", namespace: "ns" },
    spec: { replicas: 2, selector: { b: "2", a: "1" } },
  };
  const configMap: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "ns" } };
  const client = new FakeClient({ objects: [statefulSet, controller, configMap] });
  assert.deepEqual((await client.subResource("scale").get<Scale>(statefulSet)).status, {
    replicas: 2,
    selector: "app=db",
  });
  assert.equal((await client.subResource("scale").get<Scale>(controller)).status?.selector, "a=1,b=2");
  await assert.rejects(client.subResource("scale").get(configMap), /ConfigMap of v1 has no scale subresource/);
  const read = await client.subResource("status").get<typeof statefulSet>(statefulSet);
  assert.deepEqual([read.kind, read.status], ["StatefulSet", { replicas: 2 }], "status reads the whole object");
  await assert.rejects(
    client.subResource("eviction").get(configMap),
    /serves the status and scale subresources, not eviction/,
  );
});
