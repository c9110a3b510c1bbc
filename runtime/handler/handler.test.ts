import { test } from "node:test";
import assert from "node:assert/strict";
import { defineGroupVersion } from "../scheme/group_version.js";
import type { Request } from "../reconcile/reconcile.js";
import {
  enqueueRequestForObject,
  enqueueRequestForOwner,
  enqueueRequestsFromMapFunc,
  type RequestQueue,
} from "./handler.js";

const Machine = defineGroupVersion({ group: "handler.test", version: "v1alpha1" }).kind({
  kind: "Machine",
  plural: "machines",
});

function recorder(): RequestQueue & { added: string[] } {
  const added: string[] = [];
  return {
    added,
    add: (req: Request) => added.push(`${req.namespace}/${req.name}`),
    addAfter: (req: Request, ms: number) => added.push(`${req.namespace}/${req.name}+${ms}`),
  };
}

test("enqueueRequestForObject enqueues the object", () => {
  const queue = recorder();
  const handler = enqueueRequestForObject();
  handler.create?.({ object: { metadata: { namespace: "ns", name: "a" } } }, queue);
  handler.update?.(
    {
      objectOld: { metadata: { namespace: "ns", name: "a" } },
      objectNew: { metadata: { namespace: "ns", name: "a" } },
    },
    queue,
  );
  handler.delete?.({ object: { metadata: { name: "cluster-scoped" } } }, queue);
  assert.deepEqual(queue.added, ["ns/a", "ns/a", "/cluster-scoped"]);
});

test("enqueueRequestForOwner enqueues controller owners of the kind, old and new", () => {
  const queue = recorder();
  const handler = enqueueRequestForOwner(Machine, { onlyControllerOwner: true });
  const owned = (owner: string, controller = true) => ({
    metadata: {
      namespace: "ns",
      name: "s",
      ownerReferences: [
        { apiVersion: "handler.test/v1beta9", kind: "Machine", name: owner, uid: "u", controller },
        { apiVersion: "other.test/v1", kind: "Machine", name: "not-ours", uid: "u2", controller: false },
      ],
    },
  });
  handler.create?.({ object: owned("m1") }, queue);
  handler.create?.({ object: owned("m2", false) }, queue);
  handler.update?.({ objectOld: owned("m1"), objectNew: owned("m3") }, queue);
  assert.deepEqual(queue.added, ["ns/m1", "ns/m1", "ns/m3"]);
});

test("enqueueRequestsFromMapFunc enqueues what the map returns for old and new objects", () => {
  const queue = recorder();
  const handler = enqueueRequestsFromMapFunc((obj) => {
    const machine = obj.metadata?.labels?.machine;
    return machine ? [{ namespace: obj.metadata?.namespace ?? "", name: machine }] : [];
  });
  const labelled = (machine?: string) => ({
    metadata: { namespace: "ns", name: "s", labels: (machine ? { machine } : {}) as Record<string, string> },
  });
  handler.update?.({ objectOld: labelled("m1"), objectNew: labelled("m2") }, queue);
  handler.delete?.({ object: labelled() }, queue);
  assert.deepEqual(queue.added, ["ns/m1", "ns/m2"]);
});
