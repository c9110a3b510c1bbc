/**
 * The RBAC policy kube-apiserver creates at start (its rbac/bootstrap-roles post-start hook, from
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy): the objects recorded from the reference in
 * bootstrap_policy_data.ts that the store lacks are created, written by "kube-apiserver".
 * A kept data directory keeps what it holds: a role someone changed stays changed, as the
 * reconciliation leaves objects annotated `rbac.authorization.kubernetes.io/autoupdate: "false"`.
 */
import { cloneJson } from "../../storage/deep_values.js";
import type { ObjectService } from "../../registry/object_service.js";
import type { ResourceRegistry } from "../../registry/registry.js";
import { objectKey } from "../../storage/store.js";
import { bootstrapPolicyObjects } from "./bootstrap_policy_data.js";
import { rbacGroup } from "./policy_index.js";

export async function ensureBootstrapPolicy(service: ObjectService, registry: ResourceRegistry): Promise<void> {
  for (const [resource, objects] of Object.entries(bootstrapPolicyObjects)) {
    const type = registry.lookup(rbacGroup, "v1", resource);
    if (!type) throw new Error(`${rbacGroup}/v1 ${resource} is not served: the bootstrap policy cannot be created`);
    await Promise.all(
      objects.map(async (object) => {
        const namespace = object.metadata.namespace;
        if (service.store.get(type.collection, objectKey(namespace, object.metadata.name ?? ""))) return;
        await service.create(type, namespace, cloneJson(object), {
          dryRun: false,
          fieldValidation: "Strict",
          manager: { manager: "kube-apiserver" },
        });
      }),
    );
  }
}
