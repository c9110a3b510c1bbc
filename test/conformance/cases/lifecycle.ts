/** Propagation policies and garbage collection; namespace deletion. */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus, gizmo, gizmosPath } from "./helpers.js";

/** An owner ConfigMap and a Gizmo it owns; resolves to the owner's uid. */
async function ownerAndDependent(t: CaseContext, blockOwnerDeletion = false): Promise<string> {
  const owner = await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("owner") });
  expectStatus(owner, 201);
  const uid = bodyOf(owner)["metadata"].uid as string;
  const ownerReferences = [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      name: "owner",
      uid,
      ...(blockOwnerDeletion ? { blockOwnerDeletion: true } : {}),
    },
  ];
  expectStatus(
    await t.send({
      method: "POST",
      path: gizmosPath(t.namespace),
      body: gizmo("dependent", { size: 1 }, { ownerReferences }),
    }),
    201,
  );
  return uid;
}

function deleteOwner(t: CaseContext, propagationPolicy: string) {
  return t.http({
    method: "DELETE",
    path: configMapsPath(t.namespace, "owner"),
    body: { apiVersion: "v1", kind: "DeleteOptions", propagationPolicy },
  });
}

const gone = (t: CaseContext, path: string) => async () => ((await t.send({ path })).status === 404 ? true : undefined);

/** The garbage collector notices a CRD's kind only at its 30 s discovery resync. */
const COLLECTION_TIMEOUT_MS = 60_000;

/**
 * Resolves once the garbage collector's graph holds every gizmo created so far. Orphaning finds
 * dependents in that graph: a dependent it has not seen yet keeps its owner reference, and is then
 * collected as the dependent of a missing owner. Gizmo events reach the graph in order, so once a
 * gizmo created now with a missing owner is collected, the earlier ones are in the graph.
 */
async function garbageCollectorHasSeenGizmos(t: CaseContext): Promise<void> {
  const ownerReferences = [
    { apiVersion: "v1", kind: "ConfigMap", name: "missing", uid: "00000000-0000-0000-0000-000000000002" },
  ];
  expectStatus(
    await t.send({
      method: "POST",
      path: gizmosPath(t.namespace),
      body: gizmo("marker", { size: 1 }, { ownerReferences }),
    }),
    201,
  );
  await t.eventually(
    "the garbage collector to collect the marker",
    gone(t, gizmosPath(t.namespace, "marker")),
    COLLECTION_TIMEOUT_MS,
  );
}

export const lifecycleCases: ConformanceCase[] = [
  {
    area: "garbage-collection",
    name: "background deletion of an owner collects its dependents",
    async run(t) {
      await ownerAndDependent(t);
      expectStatus(await deleteOwner(t, "Background"), 200);
      await t.eventually(
        "the dependent to be collected",
        gone(t, gizmosPath(t.namespace, "dependent")),
        COLLECTION_TIMEOUT_MS,
      );
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "dependent") }), 404);
    },
  },
  {
    area: "garbage-collection",
    name: "orphan deletion keeps dependents and removes their owner reference",
    async run(t) {
      await ownerAndDependent(t);
      await garbageCollectorHasSeenGizmos(t);
      expectStatus(await deleteOwner(t, "Orphan"), 200);
      await t.eventually("the owner to be gone", gone(t, configMapsPath(t.namespace, "owner")), COLLECTION_TIMEOUT_MS);
      await t.eventually(
        "the dependent's owner reference to be removed",
        async () =>
          bodyOf(await t.send({ path: gizmosPath(t.namespace, "dependent") }))["metadata"].ownerReferences
            ? undefined
            : true,
        COLLECTION_TIMEOUT_MS,
      );
      const dependent = await t.http({ path: gizmosPath(t.namespace, "dependent") });
      expectStatus(dependent, 200);
      assert.equal(bodyOf(dependent)["metadata"].ownerReferences, undefined);
    },
  },
  {
    area: "garbage-collection",
    name: "foreground deletion marks the owner with foregroundDeletion and removes dependents first",
    async run(t) {
      await ownerAndDependent(t, true);
      const response = await deleteOwner(t, "Foreground");
      expectStatus(response, 200);
      assert.deepEqual(bodyOf(response)["metadata"].finalizers, ["foregroundDeletion"]);
      await t.eventually("the owner to be gone", gone(t, configMapsPath(t.namespace, "owner")), COLLECTION_TIMEOUT_MS);
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "dependent") }), 404);
    },
  },
  {
    area: "garbage-collection",
    name: "a dependent whose owner uid does not exist is collected",
    async run(t) {
      const ownerReferences = [
        { apiVersion: "v1", kind: "ConfigMap", name: "never", uid: "00000000-0000-0000-0000-000000000001" },
      ];
      expectStatus(
        await t.send({
          method: "POST",
          path: gizmosPath(t.namespace),
          body: gizmo("stray", { size: 1 }, { ownerReferences }),
        }),
        201,
      );
      await t.eventually(
        "the stray dependent to be collected",
        gone(t, gizmosPath(t.namespace, "stray")),
        COLLECTION_TIMEOUT_MS,
      );
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "stray") }), 404);
    },
  },
  {
    area: "namespaces",
    name: "deleting a namespace removes its contents and then the namespace",
    async run(t) {
      const ns = `${t.namespace}-x`.slice(0, 63);
      expectStatus(
        await t.send({
          method: "POST",
          path: "/api/v1/namespaces",
          body: { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } },
        }),
        201,
      );
      await t.send({ method: "POST", path: configMapsPath(ns), body: configMap("cm") });
      await t.send({ method: "POST", path: gizmosPath(ns), body: gizmo("g") });
      const deleted = await t.http({ method: "DELETE", path: `/api/v1/namespaces/${ns}` });
      expectStatus(deleted, 200);
      assert.equal(bodyOf(deleted)["status"].phase, "Terminating");
      await t.eventually("the namespace to be gone", gone(t, `/api/v1/namespaces/${ns}`), COLLECTION_TIMEOUT_MS);
      expectStatus(await t.http({ path: gizmosPath(ns, "g") }), 404);
      expectStatus(await t.http({ path: configMapsPath(ns, "cm") }), 404);
    },
  },
  {
    area: "namespaces",
    name: "a terminating namespace refuses new content with 403 until its last finalizer is gone",
    async run(t) {
      const ns = `${t.namespace}-t`.slice(0, 63);
      await t.send({
        method: "POST",
        path: "/api/v1/namespaces",
        body: { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } },
      });
      await t.send({
        method: "POST",
        path: gizmosPath(ns),
        body: gizmo("held", { size: 1 }, { finalizers: ["example.com/hold"] }),
      });
      expectStatus(await t.send({ method: "DELETE", path: `/api/v1/namespaces/${ns}` }), 200);
      const refused = await t.http({ method: "POST", path: configMapsPath(ns), body: configMap("late") });
      expectStatus(refused, 403);
      await t.eventually("the held gizmo to be marked for deletion", async () =>
        bodyOf(await t.send({ path: gizmosPath(ns, "held") }))["metadata"]?.deletionTimestamp ? true : undefined,
      );
      await t.send({
        method: "PATCH",
        path: gizmosPath(ns, "held"),
        contentType: "application/merge-patch+json",
        body: { metadata: { finalizers: null } },
      });
      await t.eventually("the namespace to be gone", gone(t, `/api/v1/namespaces/${ns}`), COLLECTION_TIMEOUT_MS);
    },
  },
  {
    area: "namespaces",
    name: "creating in a namespace that does not exist is 404",
    async run(t) {
      expectStatus(await t.http({ method: "POST", path: gizmosPath("no-such-namespace"), body: gizmo("g") }), 404);
    },
  },
  {
    area: "namespaces",
    name: "default and kube-system exist",
    async run(t) {
      for (const name of ["default", "kube-system"]) {
        const response = await t.send({ path: `/api/v1/namespaces/${name}` });
        expectStatus(response, 200);
        t.record(`namespace ${name} phase`, bodyOf(response)["status"]);
      }
    },
  },
];
