import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigMap } from "../scheme/core_kinds.js";
import { isConflict, ApiError } from "./errors.js";
import { FakeClient } from "./fake.js";
import { interceptClient } from "./interceptor.js";

const configMap = (name: string): ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "ns" },
});

test("calls without an interceptor go to the wrapped client unchanged", async () => {
  const fake = new FakeClient({ objects: [configMap("a")] });
  const client = interceptClient(fake, {});
  await client.create(configMap("b"));
  const b = await client.get(ConfigMap, { namespace: "ns", name: "b" });
  await client.update({ ...b, data: { k: "v" } });
  await client.status().update(await client.get(ConfigMap, { namespace: "ns", name: "b" }));
  await client.delete(configMap("a"));
  assert.deepEqual(
    (await client.list(ConfigMap)).items.map((cm) => [cm.metadata?.name, cm.data]),
    [["b", { k: "v" }]],
  );
  assert.deepEqual(
    fake.actions.filter((action) => !action.startsWith("get") && !action.startsWith("list")),
    ["create ConfigMap ns/b", "update ConfigMap ns/b", "update-status ConfigMap ns/b", "delete ConfigMap ns/a"],
  );
});

test("an interceptor replaces its call and can delegate to the wrapped client", async () => {
  const fake = new FakeClient({ objects: [configMap("a"), configMap("b")] });
  let failures = 1;
  const client = interceptClient(fake, {
    async list(wrapped, kind, options) {
      const list = await wrapped.list(kind, options);
      return { ...list, items: list.items.filter((item) => item.metadata?.name !== "b") };
    },
    async statusUpdate(wrapped, obj, options) {
      if (failures-- > 0) {
        throw new ApiError({
          code: 409,
          status: { kind: "Status", status: "Failure", code: 409, reason: "Conflict", message: "modified" },
          request: { method: "PUT", path: "" },
        });
      }
      return wrapped.status().update(obj, options);
    },
  });
  assert.deepEqual(
    (await client.list(ConfigMap)).items.map((cm) => cm.metadata?.name),
    ["a"],
  );
  const a = await client.get(ConfigMap, { namespace: "ns", name: "a" });
  await assert.rejects(client.status().update(a), (error: unknown) => isConflict(error));
  await client.status().update(a);
  assert.ok(fake.actions.includes("update-status ConfigMap ns/a"));
});

test("subResource goes to the wrapped client's, or to the interceptor's client for the names it takes", async () => {
  const fake = new FakeClient({ objects: [configMap("a")] });
  const client = interceptClient(fake, {
    subResource(wrapped, name) {
      if (name !== "scale") return wrapped.subResource(name);
      const refuse = async (): Promise<never> => {
        throw new Error("scale intercepted");
      };
      return { get: refuse, create: refuse, update: refuse, patch: refuse };
    },
  });
  await assert.rejects(client.subResource("scale").get(configMap("a")), /scale intercepted/);
  await client.subResource("status").update(await client.get(ConfigMap, { namespace: "ns", name: "a" }));
  assert.ok(fake.actions.includes("update-status ConfigMap ns/a"));
  await assert.rejects(
    interceptClient(fake, {}).subResource("scale").get(configMap("a")),
    /ConfigMap of v1 has no scale subresource/,
    "no interceptor: the wrapped client's",
  );
});
