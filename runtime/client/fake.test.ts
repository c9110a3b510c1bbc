import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigMap } from "../scheme/core_kinds.js";
import { FakeClient } from "./fake.js";

const configMap = (name: string, owner?: string): ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "ns", ...(owner ? { annotations: { owner } } : {}) },
});

const ownerOf = (cm: ConfigMap): string[] => {
  const owner = cm.metadata?.annotations?.["owner"];
  return owner ? [owner] : [];
};

test("list finds objects by a registered field index, as the manager's cache does", async () => {
  const client = new FakeClient({ objects: [configMap("a", "x"), configMap("b", "y"), configMap("c")] });
  client.indexField(ConfigMap, "owner", ownerOf);
  const found = await client.list(ConfigMap, { namespace: "ns", matchingFields: { owner: "x" } });
  assert.deepEqual(
    found.items.map((cm) => cm.metadata?.name),
    ["a"],
  );
  await client.create(configMap("d", "x"));
  const again = await client.list(ConfigMap, { matchingFields: { owner: "x", "metadata.name": "d" } });
  assert.deepEqual(
    again.items.map((cm) => cm.metadata?.name),
    ["d"],
  );
});

test("a field without an index is refused with how to register one, and an index is registered once", async () => {
  const client = new FakeClient({ objects: [configMap("a", "x")] });
  await assert.rejects(
    client.list(ConfigMap, { matchingFields: { owner: "x" } }),
    /no index for field "owner" of ConfigMap; register one with fakeClient\.indexField/,
  );
  client.indexField(ConfigMap, "owner", ownerOf);
  assert.throws(() => client.indexField(ConfigMap, "owner", ownerOf), /field "owner" of ConfigMap is already indexed/);
});
