import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigMap, Namespace } from "../scheme/core_kinds.js";
import { defineGroupVersion, Scheme } from "../scheme/group_version.js";
import type { KubernetesObject } from "../object.js";
import { createClient } from "./client.js";
import { applyPatch, createMergePatch, jsonPatch, mergeFrom } from "./patch.js";
import type { Transport, TransportRequest } from "./transport.js";

function recordingTransport(
  answer: (req: TransportRequest) => unknown = (req) => req.body ?? { items: [{ metadata: { name: "x" } }] },
) {
  const requests: TransportRequest[] = [];
  const transport: Transport = {
    request: async (req) => {
      requests.push(req);
      return structuredClone(answer(req));
    },
    watch: () => Promise.resolve(),
  };
  return { transport, requests };
}

const scheme = new Scheme();
interface Widget extends KubernetesObject {
  spec?: { size?: number; tags?: string[] };
}
const Widget = defineGroupVersion({ group: "example.io", version: "v1", scheme }).kind<Widget>({
  kind: "Widget",
  plural: "widgets",
});
scheme.add(ConfigMap);

test("paths follow the API layout for core and grouped kinds, namespaced and cluster-scoped", async () => {
  const { transport, requests } = recordingTransport();
  const client = createClient({ transport, scheme, fieldManager: "tests" });
  await client.get(ConfigMap, { namespace: "ns", name: "a" });
  await client.get(Namespace, { name: "ns" });
  await client.list(Widget, {
    namespace: "ns",
    matchingLabels: { app: "x" },
    labelSelector: "tier in (a,b)",
    matchingFields: { "metadata.name": "w" },
    limit: 5,
  });
  await client.create({
    apiVersion: "example.io/v1",
    kind: "Widget",
    metadata: { namespace: "ns", generateName: "w-" },
  });
  assert.deepEqual(
    requests.map((req) => `${req.method} ${decodeURIComponent(req.path)}`),
    [
      "GET /api/v1/namespaces/ns/configmaps/a",
      "GET /api/v1/namespaces/ns",
      "GET /apis/example.io/v1/namespaces/ns/widgets?labelSelector=app=x,tier+in+(a,b)&fieldSelector=metadata.name=w&limit=5",
      "POST /apis/example.io/v1/namespaces/ns/widgets?fieldManager=tests",
    ],
  );
});

test("list items get apiVersion and kind, writes update the object in place", async () => {
  const { transport } = recordingTransport((req) =>
    req.method === "GET"
      ? { items: [{ metadata: { name: "a" } }] }
      : { ...(req.body as object), metadata: { name: "w", namespace: "ns", resourceVersion: "7" } },
  );
  const client = createClient({ transport, scheme });
  const list = await client.list(ConfigMap);
  assert.equal(list.items[0]?.kind, "ConfigMap");
  assert.equal(list.items[0]?.apiVersion, "v1");
  const widget: Widget = { apiVersion: "example.io/v1", kind: "Widget", metadata: { name: "w", namespace: "ns" } };
  const returned = await client.update(widget);
  assert.equal(widget.metadata?.resourceVersion, "7");
  assert.equal(returned, widget);
});

test("misuse is refused before any request, naming what to set", async () => {
  const { transport, requests } = recordingTransport();
  const client = createClient({ transport, scheme });
  await assert.rejects(
    client.create({ apiVersion: "example.io/v1", kind: "Widget", metadata: { name: "w" } }),
    /set metadata.namespace/,
  );
  await assert.rejects(
    client.update({ apiVersion: "example.io/v1", kind: "Gadget", metadata: { name: "w" } }),
    /Gadget of example.io\/v1 is not registered/,
  );
  await assert.rejects(client.update({ metadata: { name: "w" } }), /has no apiVersion\/kind/);
  await assert.rejects(
    client.patch({ apiVersion: "example.io/v1", kind: "Widget", metadata: { name: "w", namespace: "ns" } }, applyPatch),
    /fieldManager/,
  );
  assert.equal(requests.length, 0);
});

test("patches send their content type and body; delete sends DeleteOptions", async () => {
  const { transport, requests } = recordingTransport();
  const client = createClient({ transport, scheme });
  const original: Widget = {
    apiVersion: "example.io/v1",
    kind: "Widget",
    metadata: { name: "w", namespace: "ns", resourceVersion: "3" },
    spec: { size: 1, tags: ["a"] },
  };
  const changed = structuredClone(original);
  changed.spec = { tags: ["a", "b"] };
  await client.patch(changed, mergeFrom(original, { optimisticLock: true }));
  await client.patch(structuredClone(original), jsonPatch([{ op: "replace", path: "/spec/size", value: 2 }]));
  await client.patch(structuredClone(original), applyPatch, { fieldManager: "me", force: true });
  await client.status().update(structuredClone(original));
  await client.delete(original, { propagationPolicy: "Foreground" });
  assert.deepEqual(requests[0]?.body, { metadata: { resourceVersion: "3" }, spec: { size: null, tags: ["a", "b"] } });
  assert.equal(requests[0]?.contentType, "application/merge-patch+json");
  assert.equal(requests[1]?.contentType, "application/json-patch+json");
  assert.equal(requests[2]?.contentType, "application/apply-patch+yaml");
  assert.match(requests[2]?.path ?? "", /fieldManager=me&force=true/);
  assert.equal((requests[2]?.body as Widget).metadata?.resourceVersion, undefined, "apply sends no resourceVersion");
  assert.equal(requests[3]?.path, "/apis/example.io/v1/namespaces/ns/widgets/w/status");
  assert.equal(requests[4]?.method, "DELETE");
  assert.equal((requests[4]?.body as { propagationPolicy?: string }).propagationPolicy, "Foreground");
});

test("createMergePatch nulls removed keys and replaces arrays whole", () => {
  assert.deepEqual(createMergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { b: { c: 2, d: 4 }, e: [1, 2], f: "new" }), {
    a: null,
    b: { d: 4 },
    e: [1, 2],
    f: "new",
  });
  assert.deepEqual(createMergePatch({ a: 1 }, { a: 1 }), {});
});
