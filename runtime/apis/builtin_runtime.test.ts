/**
 * Every generated built-in kind through the runtime's clients, and a typed Deployment through
 * the controllerutil helpers, as a reconciler uses them (controller-runtime's fake client tests).
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  AlreadyOwnedError,
  createClient,
  createOrUpdate,
  defaultScheme,
  FakeClient,
  isNotFound,
  mergePatch,
  setControllerReference,
  type KindDescriptor,
  type KubernetesObject,
  type Transport,
} from "uselessctl";
import { Deployment } from "uselessctl/apis/apps/v1";
import type { ConfigMap } from "uselessctl/apis/core/v1";

const GENERATED = fileURLToPath(new URL("./k8s/", import.meta.url));

function isKindDescriptor(value: unknown): value is KindDescriptor {
  return typeof value === "object" && value !== null && "plural" in value && "apiVersion" in value;
}

/** Every kind descriptor of every generated group version module. */
async function generatedKinds(): Promise<KindDescriptor[]> {
  const kinds: KindDescriptor[] = [];
  for (const group of readdirSync(GENERATED)) {
    for (const file of readdirSync(`${GENERATED}${group}`).filter((name) => name.endsWith(".ts"))) {
      const module = (await import(`uselessctl/apis/${group}/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
      kinds.push(...Object.values(module).filter(isKindDescriptor));
    }
  }
  return kinds;
}

test("every generated kind is registered and goes through the fake client's whole life cycle", async () => {
  const kinds = await generatedKinds();
  assert.ok(kinds.length >= 70, `found ${kinds.length} kinds`);
  const client = new FakeClient();
  for (const kind of kinds) {
    assert.equal(defaultScheme.lookup(kind.apiVersion, kind.kind), kind, `${kind.apiVersion} ${kind.kind} registered`);
    const key = { namespace: kind.namespaced ? "ns" : undefined, name: "x" };
    const obj: KubernetesObject = { apiVersion: kind.apiVersion, kind: kind.kind, metadata: { ...key } };
    await client.create(obj);
    assert.equal((await client.get(kind, key)).metadata?.uid, obj.metadata?.uid, kind.kind);
    assert.equal((await client.list(kind)).items.length, 1, kind.kind);
    await client.update({ ...obj, metadata: { ...obj.metadata, labels: { updated: "yes" } } });
    await client.patch(obj, mergePatch({ metadata: { annotations: { patched: "yes" } } }));
    const stored = await client.get(kind, key);
    assert.deepEqual([stored.metadata?.labels, stored.metadata?.annotations], [{ updated: "yes" }, { patched: "yes" }]);
    await client.delete(stored);
    await assert.rejects(client.get(kind, key), isNotFound, kind.kind);
  }
});

test("every generated kind's object path is the API server's: group, version, scope and plural", async () => {
  const paths: string[] = [];
  const transport: Transport = {
    request: async (req) => (paths.push(req.path), {}),
    watch: () => Promise.resolve(),
  };
  const client = createClient({ transport });
  for (const kind of await generatedKinds()) {
    await client.get(kind, { namespace: "ns", name: "x" });
    const prefix = kind.group ? `/apis/${kind.group}/${kind.version}` : `/api/${kind.version}`;
    assert.equal(paths.pop(), `${prefix}${kind.namespaced ? "/namespaces/ns" : ""}/${kind.plural}/x`);
  }
});

const owner = (uid: string): ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "web", namespace: "ns", uid },
  data: { image: "web:1" },
});

function webDeployment(): Deployment {
  return {
    apiVersion: Deployment.apiVersion,
    kind: Deployment.kind,
    metadata: { name: "web", namespace: "ns" },
    spec: { selector: { matchLabels: { app: "web" } }, template: {} },
  };
}

test("createOrUpdate of a typed Deployment with setControllerReference, as a reconciler writes it", async () => {
  const client = new FakeClient();
  const reconcile = async (image: string) => {
    const deployment = webDeployment();
    const result = await createOrUpdate(client, deployment, () => {
      deployment.spec.replicas = 2;
      deployment.spec.template = {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image }] },
      };
      setControllerReference(owner("uid-1"), deployment);
    });
    return { result, deployment };
  };
  const first = await reconcile("web:1");
  assert.equal(first.result, "created");
  assert.deepEqual(first.deployment.metadata?.ownerReferences, [
    { apiVersion: "v1", kind: "ConfigMap", name: "web", uid: "uid-1", controller: true, blockOwnerDeletion: true },
  ]);
  assert.equal((await reconcile("web:1")).result, "unchanged");
  const second = await reconcile("web:2");
  assert.equal(second.result, "updated");
  assert.equal(second.deployment.metadata?.generation, 2, "a spec change bumps the generation");

  const stored = await client.get(Deployment, { namespace: "ns", name: "web" });
  stored.status = { replicas: 2, readyReplicas: 1 };
  await client.status().update(stored);
  const afterStatus = await client.get(Deployment, { namespace: "ns", name: "web" });
  assert.deepEqual(afterStatus.status, { replicas: 2, readyReplicas: 1 });
  assert.equal(afterStatus.metadata?.generation, 2, "a status write leaves the generation");

  const other: ConfigMap = { ...owner("uid-2"), metadata: { name: "other", namespace: "ns", uid: "uid-2" } };
  assert.throws(
    () => setControllerReference(other, afterStatus),
    (err) =>
      err instanceof AlreadyOwnedError &&
      err.message.startsWith("Object ns/web is already owned by another ConfigMap controller web;"),
  );
});
