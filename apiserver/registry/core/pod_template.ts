/**
 * The PodTemplateSpec rules every workload kind shares (core/v1 PodTemplates and
 * ReplicationControllers, apps/v1 Deployments, StatefulSets, DaemonSets, ReplicaSets, batch/v1
 * Jobs and CronJobs): the defaults core/v1 gives a PodSpec, ValidatePodTemplateSpec, and the
 * handling of the spec's quantities (a decode error for one that does not parse, the canonical
 * form stored). The kinds' strategies call these with the template's place in their object.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateLabels } from "../../validation/label_selector.js";
import { defaultPodSpec, objectAt, type JsonObject } from "./pod_spec_defaults.js";
import { validatePodSpec } from "./pod_spec_validation.js";

export { defaultPodSpec, objectAt, objectsAt, type JsonObject } from "./pod_spec_defaults.js";
export { validatePodSpec } from "./pod_spec_validation.js";

/**
 * The defaults of a PodTemplateSpec (SetObjectDefaults_PodTemplate and the workloads' generated
 * defaults): a template always has a spec (a Go struct), which gets the PodSpec defaults.
 */
export function defaultPodTemplateSpec(template: JsonObject): void {
  const spec = objectAt(template.spec) ?? {};
  template.spec = spec;
  defaultPodSpec(spec);
}

/**
 * ValidatePodTemplateSpec at `path` (`template`, `spec.template`): the template's labels, its
 * PodSpec, and no ephemeral containers.
 */
export function validatePodTemplateSpec(template: JsonObject, path: string): FieldError[] {
  const metadata = objectAt(template.metadata) ?? {};
  const spec = objectAt(template.spec) ?? {};
  const errors = [
    ...validateLabels(objectAt(metadata.labels), `${path}.labels`),
    ...validatePodSpec(spec, `${path}.spec`),
  ];
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0)
    errors.push(
      fieldErrors.forbidden(`${path}.spec.ephemeralContainers`, "ephemeral containers not allowed in pod template"),
    );
  return errors;
}
