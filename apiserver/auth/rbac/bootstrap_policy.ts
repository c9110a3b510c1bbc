/**
 * The RBAC policy kube-apiserver creates at start (its rbac/bootstrap-roles post-start hook, from
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy): the objects recorded from the reference in
 * bootstrap_policy_data.ts that the store lacks are created, written by "kube-apiserver".
 * A kept data directory keeps what it holds: a role someone changed stays changed, as the
 * reconciliation leaves objects annotated `rbac.authorization.kubernetes.io/autoupdate: "false"`.
 *
 * The first start in a process creates them through the full write path (defaulting, validation,
 * managedFields); later starts (a test suite starts many servers) store copies of those results
 * with their own uid, timestamps and resourceVersion, which is the same object for a fraction of
 * the cost.
 */
import { timestamp, type ObjectService } from "../../registry/object_service.js";
import type { ResourceRegistry } from "../../registry/registry.js";
import { cloneJson } from "../../storage/deep_values.js";
import { objectKey } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import { bootstrapPolicyObjects } from "./bootstrap_policy_data.js";
import { rbacGroup } from "./policy_index.js";

/** Stored forms from the first start, by collection and key. */
const created = new Map<string, KubeObject>();

function restamped(object: KubeObject, now: Date): KubeObject {
  const copy = cloneJson(object);
  const time = timestamp(now);
  copy.metadata.uid = crypto.randomUUID();
  copy.metadata.creationTimestamp = time;
  for (const entry of copy.metadata.managedFields ?? []) entry.time = time;
  return copy;
}

export async function ensureBootstrapPolicy(service: ObjectService, registry: ResourceRegistry): Promise<void> {
  const writes: Promise<void>[] = [];
  for (const [resource, objects] of Object.entries(bootstrapPolicyObjects)) {
    const type = registry.lookup(rbacGroup, "v1", resource);
    if (!type) throw new Error(`${rbacGroup}/v1 ${resource} is not served: the bootstrap policy cannot be created`);
    for (const object of objects) {
      const namespace = object.metadata.namespace;
      const key = objectKey(namespace, object.metadata.name ?? "");
      if (service.store.get(type.collection, key)) continue;
      const remembered = created.get(`${type.collection}:${key}`);
      if (remembered) {
        writes.push(service.store.put(type.collection, key, restamped(remembered, service.now())).durable);
        continue;
      }
      writes.push(
        service
          .create(type, namespace, cloneJson(object), {
            dryRun: false,
            fieldValidation: "Strict",
            manager: { manager: "kube-apiserver" },
          })
          .then(({ object: stored }) => {
            created.set(`${type.collection}:${key}`, cloneJson(stored));
          }),
      );
    }
  }
  await Promise.all(writes);
}
