/**
 * pods/binding (pkg/registry/core/pod/storage BindingREST): assigns an unscheduled pod to a node,
 * as a scheduler does. The write bypasses the pod strategy, as in kube-apiserver: it sets
 * spec.nodeName, merges the Binding's annotations and marks the pod PodScheduled.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { badRequest, conflict, fieldErrors, StatusError, type FieldError } from "../../errors/status.js";
import { objectKey } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import { deepClone } from "../conversion.js";
import { timestamp, type ObjectService } from "../object_service.js";
import type { ResourceType } from "../resource_type.js";
import { objectAt, objectsAt } from "./pod_spec_defaults.js";

/** ValidatePodBinding. */
function bindingErrors(target: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const kind = typeof target.kind === "string" ? target.kind : "";
  const name = typeof target.name === "string" ? target.name : "";
  if (kind && kind !== "Node") errors.push(fieldErrors.notSupported("target.kind", kind, ["Node", "<empty>"]));
  if (!name) errors.push(fieldErrors.required("target.name", ""));
  else if (!kind || kind === "Node")
    for (const message of dns1123SubdomainErrors(name)) errors.push(fieldErrors.invalid("target.name", name, message));
  return errors;
}

/**
 * Binds the pod `name` as the Binding `binding` says; throws the StatusError kube-apiserver
 * answers with (a Binding's own validation errors come back as a bare 500, as there).
 */
export async function bindPod(
  service: ObjectService,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  binding: KubeObject,
  dryRun: boolean,
): Promise<void> {
  if (binding.metadata?.name !== name) throw badRequest("name in URL does not match name in Binding object");
  const errors = bindingErrors(objectAt(binding.target) ?? {});
  if (errors.length) {
    const rendered = errors.map((error) => `${error.field}: ${error.detail}`);
    const message = rendered.length === 1 ? (rendered[0] ?? "") : `[${rendered.join(", ")}]`;
    throw new StatusError(500, "", message);
  }
  const current = service.getStored(type, namespace, name);
  const refuse = (why: string) => conflict({ group: "", resource: "pods/binding" }, name, why);
  const spec = objectAt(current.spec) ?? {};
  if (current.metadata.deletionTimestamp) throw refuse(`pod ${name} is being deleted, cannot be assigned to a host`);
  if (spec.nodeName) throw refuse(`pod ${name} is already assigned to node ${JSON.stringify(spec.nodeName)}`);
  if (objectsAt(spec.schedulingGates).length) throw refuse(`pod ${name} has non-empty .spec.schedulingGates`);
  const pod = deepClone(current);
  (pod.spec as Record<string, unknown>).nodeName = String(objectAt(binding.target)?.name);
  const status = (objectAt(pod.status) ?? {}) as Record<string, unknown>;
  delete status.nominatedNodeName;
  const annotations = binding.metadata.annotations;
  if (annotations && Object.keys(annotations).length)
    pod.metadata.annotations = { ...pod.metadata.annotations, ...annotations };
  const conditions = objectsAt(status.conditions);
  const scheduled = conditions.find((condition) => condition.type === "PodScheduled");
  const now = timestamp(service.now());
  if (!scheduled)
    conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: now });
  else if (scheduled.status !== "True") Object.assign(scheduled, { status: "True", lastTransitionTime: now });
  pod.status = { ...status, conditions };
  if (dryRun) return;
  await service.store.put(type.collection, objectKey(namespace, name), pod).durable;
}
