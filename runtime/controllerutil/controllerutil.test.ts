import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClient } from "../client/fake.js";
import { ConfigMap, Namespace } from "../scheme/core_kinds.js";
import { defineGroupVersion } from "../scheme/group_version.js";
import type { KubernetesObject } from "../object.js";
import {
  AlreadyOwnedError,
  addFinalizer,
  containsFinalizer,
  createOrPatch,
  createOrUpdate,
  getControllerOf,
  hasControllerReference,
  removeFinalizer,
  removeOwnerReference,
  setControllerReference,
  setOwnerReference,
} from "./index.js";

interface Gadget extends KubernetesObject {
  spec?: { size?: number };
  status?: { ready?: boolean };
}
const Gadget = defineGroupVersion({ group: "util.test", version: "v1" }).kind<Gadget>({
  kind: "Gadget",
  plural: "gadgets",
});

const owner = (name: string, uid = `uid-${name}`): Gadget => ({
  apiVersion: Gadget.apiVersion,
  kind: "Gadget",
  metadata: { name, namespace: "ns", uid },
});

test("setControllerReference sets a controller reference once and refuses a second controller", () => {
  const child: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "ns" } };
  setControllerReference(owner("a"), child);
  setControllerReference(owner("a"), child);
  assert.deepEqual(child.metadata?.ownerReferences, [
    { apiVersion: "util.test/v1", kind: "Gadget", name: "a", uid: "uid-a", controller: true, blockOwnerDeletion: true },
  ]);
  assert.equal(hasControllerReference(owner("a"), child), true);
  assert.throws(
    () => setControllerReference(owner("b"), child),
    (err) => err instanceof AlreadyOwnedError && /already owned by another Gadget controller a/.test(err.message),
  );
  setOwnerReference(owner("b"), child);
  assert.equal(child.metadata?.ownerReferences?.length, 2);
  assert.equal(getControllerOf(child)?.name, "a");
  assert.equal(removeOwnerReference(owner("a"), child), true);
  assert.equal(getControllerOf(child), undefined);
  setControllerReference(owner("b"), child);
  assert.equal(getControllerOf(child)?.name, "b", "an existing plain owner can become the controller");
});

test("owner references across namespaces or from namespaced owners to cluster objects are refused", () => {
  const elsewhere: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "other" } };
  assert.throws(
    () => setControllerReference(owner("a"), elsewhere),
    /^Error: cross-namespace owner references are disallowed, owner's namespace ns, obj's namespace other$/,
  );
  const clusterScoped: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name: "n" } };
  assert.throws(
    () => setOwnerReference(owner("a"), clusterScoped),
    /^Error: cluster-scoped resource must not have a namespace-scoped owner, owner's namespace ns$/,
  );
  assert.throws(
    () =>
      setOwnerReference(
        { apiVersion: Gadget.apiVersion, kind: "Gadget", metadata: { name: "x", namespace: "ns" } },
        elsewhere,
      ),
    /no name or uid/,
  );
});

test("finalizer helpers are idempotent and keep other finalizers", () => {
  const obj: KubernetesObject = { metadata: { finalizers: ["other"] } };
  assert.equal(addFinalizer(obj, "mine"), true);
  assert.equal(addFinalizer(obj, "mine"), false);
  assert.deepEqual(obj.metadata?.finalizers, ["other", "mine"]);
  assert.equal(containsFinalizer(obj, "mine"), true);
  assert.equal(removeFinalizer(obj, "mine"), true);
  assert.equal(removeFinalizer(obj, "mine"), false);
  assert.deepEqual(obj.metadata?.finalizers, ["other"]);
});

test("createOrUpdate creates, then updates only on change", async () => {
  const client = new FakeClient();
  const desired = () =>
    ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "ns" } }) as ConfigMap;
  let value = "1";
  const mutate = (cm: ConfigMap) => () => {
    cm.data = { key: value };
  };
  const first = desired();
  assert.equal(await createOrUpdate(client, first, mutate(first)), "created");
  assert.ok(first.metadata?.uid, "the object is filled in from the server");
  const second = desired();
  assert.equal(await createOrUpdate(client, second, mutate(second)), "unchanged");
  value = "2";
  const third = desired();
  assert.equal(await createOrUpdate(client, third, mutate(third)), "updated");
  assert.equal((await client.get(ConfigMap, { namespace: "ns", name: "cfg" })).data?.key, "2");
  const renamed = desired();
  await assert.rejects(
    createOrUpdate(client, renamed, () => {
      renamed.metadata!.name = "other";
    }),
    /changed the object's name/,
  );
});

test("createOrPatch patches spec and status separately", async () => {
  const client = new FakeClient({
    objects: [{ ...owner("g"), spec: { size: 1 }, status: { ready: false } } as Gadget],
  });
  const gadget: Gadget = { apiVersion: Gadget.apiVersion, kind: "Gadget", metadata: { name: "g", namespace: "ns" } };
  assert.equal(
    await createOrPatch(client, gadget, () => {
      gadget.status = { ready: true };
    }),
    "updatedStatusOnly",
  );
  const both: Gadget = { apiVersion: Gadget.apiVersion, kind: "Gadget", metadata: { name: "g", namespace: "ns" } };
  assert.equal(
    await createOrPatch(client, both, () => {
      both.spec = { size: 3 };
      both.status = { ready: false };
    }),
    "updatedStatus",
  );
  const stored = await client.get(Gadget, { namespace: "ns", name: "g" });
  assert.deepEqual([stored.spec, stored.status], [{ size: 3 }, { ready: false }]);
  assert.equal(stored.metadata?.generation, 2);
});
