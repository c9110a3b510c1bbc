/**
 * core/v1 Pods (pkg/registry/core/pod/strategy.go): SetDefaults_Pod on top of the PodSpec
 * defaults, ValidatePodCreate / ValidatePodUpdate for what operators hit first, a created pod's
 * status (Pending, its QoS class) and the admission plugins' additions, pods/status writes, the
 * printPod columns and the field selectors of ToSelectableFields. No kubelet runs here (as in
 * envtest): pods stay Pending.
 */
import { dns1123SubdomainErrors, qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { inclusiveRangeMessage } from "../../validation/ports.js";
import type { ResourceStrategy } from "../resource_type.js";
import { addDefaultTolerations, admitPriority, keepPriority, podQosClass } from "./pod_admission.js";
import { podColumns } from "./pod_columns.js";
import { defaultPodSpec, objectAt, objectsAt, type JsonObject } from "./pod_spec_defaults.js";
import { validatePodSpec } from "./pod_spec_validation.js";

const specOf = (pod: KubeObject): JsonObject => objectAt(pod.spec) ?? {};
const statusOf = (pod: KubeObject): JsonObject => objectAt(pod.status) ?? {};

/** SetDefaults_Pod: what a Pod gets that a template does not. */
function defaultPod(spec: JsonObject): void {
  if (typeof spec.terminationGracePeriodSeconds === "number" && spec.terminationGracePeriodSeconds < 0)
    spec.terminationGracePeriodSeconds = 1;
  for (const container of [...objectsAt(spec.containers), ...objectsAt(spec.initContainers)]) {
    const resources = objectAt(container.resources);
    const limits = objectAt(resources?.limits);
    if (!resources || !limits) continue;
    // Requests default to limits on a Pod only, not on a template.
    resources.requests = { ...limits, ...(objectAt(resources.requests) ?? {}) };
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const container of [...objectsAt(spec.containers), ...objectsAt(spec.initContainers)]) {
      for (const port of objectsAt(container.ports)) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
}

/** SetDefaults_PodStatus: podIP and podIPs agree, podIP winning. */
function defaultPodStatus(status: JsonObject): void {
  const podIP = typeof status.podIP === "string" ? status.podIP : "";
  const podIPs = objectsAt(status.podIPs);
  if (podIP && (!podIPs.length || podIPs[0]?.ip !== podIP)) status.podIPs = [{ ip: podIP }];
  else if (!podIP && podIPs.length) status.podIP = podIPs[0]?.ip;
}

/** validatePodMetadataAndSpec and ValidatePodCreate beyond the PodSpec. */
function validatePodOnly(pod: KubeObject, creating: boolean): FieldError[] {
  const spec = specOf(pod);
  const errors = validatePodSpec(spec, "spec");
  if (!spec.serviceAccountName) {
    objectsAt(spec.volumes).forEach((volume, index) => {
      objectsAt(objectAt(volume.projected)?.sources).forEach((source, sourceIndex) => {
        if (objectAt(source.serviceAccountToken))
          errors.push(
            fieldErrors.forbidden(
              `spec.volumes[${index}].projected.sources[${sourceIndex}].serviceAccountToken`,
              "must not be specified when serviceAccountName is not set",
            ),
          );
      });
    });
  }
  const grace = spec.terminationGracePeriodSeconds;
  if (typeof grace === "number" && grace < 0)
    errors.push(fieldErrors.invalid("spec.terminationGracePeriodSeconds", grace, "must be greater than or equal to 0"));
  if (creating && objectsAt(spec.ephemeralContainers).length)
    errors.push(fieldErrors.forbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (creating && spec.nodeName && objectsAt(spec.schedulingGates).length)
    errors.push(fieldErrors.forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  return errors;
}

const updatableFields =
  "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/**
 * ValidatePodUpdate's immutability: only images, activeDeadlineSeconds (down), added tolerations
 * and a negative grace period set to 1 may change. kube-apiserver appends a Go diff of the two
 * specs to the Forbidden message, which is not reproduced.
 */
function validatePodSpecUpdate(spec: JsonObject, oldSpec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ["containers", "initContainers"]) {
    const containers = objectsAt(spec[field]);
    if (containers.length !== objectsAt(oldSpec[field]).length)
      return [...errors, fieldErrors.forbidden(`spec.${field}`, "pod updates may not add or remove containers")];
    containers.forEach((container, index) => {
      const image = typeof container.image === "string" ? container.image : "";
      if (!image) errors.push(fieldErrors.required(`spec.${field}[${index}].image`, ""));
      if (image.trim() !== image)
        errors.push(
          fieldErrors.invalid(`spec.${field}[${index}].image`, image, "must not have leading or trailing whitespace"),
        );
    });
  }
  const deadline = spec.activeDeadlineSeconds;
  const oldDeadline = oldSpec.activeDeadlineSeconds;
  if (typeof deadline === "number") {
    if (deadline < 0 || deadline > 2147483647)
      return [
        ...errors,
        fieldErrors.invalid("spec.activeDeadlineSeconds", deadline, inclusiveRangeMessage(0, 2147483647)),
      ];
    if (typeof oldDeadline === "number" && oldDeadline < deadline)
      return [
        ...errors,
        fieldErrors.invalid("spec.activeDeadlineSeconds", deadline, "must be less than or equal to previous value"),
      ];
  } else if (typeof oldDeadline === "number") {
    errors.push(
      fieldErrors.invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"),
    );
  }
  const munged: JsonObject = structuredClone(spec);
  for (const field of ["containers", "initContainers"]) {
    const old = objectsAt(oldSpec[field]);
    objectsAt(munged[field]).forEach((container, index) => (container.image = old[index]?.image));
  }
  for (const field of ["activeDeadlineSeconds", "tolerations", "schedulingGates"]) {
    if (oldSpec[field] === undefined) delete munged[field];
    else munged[field] = oldSpec[field];
  }
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === "number" && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldGrace;
  if (JSON.stringify(sortedKeys(munged)) !== JSON.stringify(sortedKeys(oldSpec)))
    errors.push(fieldErrors.forbidden("spec", `pod updates may not change fields other than ${updatableFields}`));
  return errors;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as JsonObject)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, sortedKeys(item)]),
  );
}

const systemConditions = new Set(["PodScheduled", "Ready", "Initialized"]);

/**
 * ValidatePodStatusUpdate for what a test that plays the kubelet writes: condition types and
 * observed generations, the node name (spec is the stored one on this path), an immutable QoS
 * class. Container state transitions and IP checks are not reproduced.
 */
function validatePodStatusUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const status = statusOf(pod);
  const oldStatus = statusOf(old);
  objectsAt(status.conditions).forEach((condition, index) => {
    const generation = condition.observedGeneration;
    if (typeof generation === "number" && generation < 0)
      errors.push(
        fieldErrors.invalid(
          `status.conditions[${index}].observedGeneration`,
          generation,
          "must be a non-negative integer",
        ),
      );
    const type = typeof condition.type === "string" ? condition.type : "";
    if (systemConditions.has(type)) return;
    for (const message of qualifiedNameErrors(type))
      errors.push(fieldErrors.invalid(`status.conditions[${index}].Type`, type, message));
  });
  const nominated = typeof status.nominatedNodeName === "string" ? status.nominatedNodeName : "";
  if (nominated && nominated !== oldStatus.nominatedNodeName)
    for (const message of dns1123SubdomainErrors(nominated))
      errors.push(fieldErrors.invalid("status.nominatedNodeName", nominated, message));
  const generation = status.observedGeneration;
  if (typeof generation === "number" && generation < 0)
    errors.push(fieldErrors.invalid("status.observedGeneration", generation, "must be a non-negative integer"));
  const qosClass = status.qosClass ?? "";
  if (qosClass !== (oldStatus.qosClass ?? ""))
    errors.push(fieldErrors.invalid("status.qosClass", qosClass, "field is immutable"));
  return errors;
}

/** The Pod strategy. */
export const podStrategy: ResourceStrategy = {
  normalize(pod) {
    const spec = specOf(pod);
    pod.spec = spec;
    defaultPod(spec);
    defaultPodSpec(spec);
    const status = objectAt(pod.status);
    if (status) defaultPodStatus(status);
    return [];
  },
  validate(pod, old, context) {
    if (context?.subresource === "status") return old ? validatePodStatusUpdate(pod, old) : [];
    if (!old) return validatePodOnly(pod, true);
    return [...validatePodOnly(pod, false), ...validatePodSpecUpdate(specOf(pod), specOf(old))];
  },
  prepareForCreate(pod, stored) {
    const spec = specOf(pod);
    addDefaultTolerations(spec);
    admitPriority(pod, stored);
    pod.status = { phase: "Pending", qosClass: podQosClass(spec) };
  },
  prepareForStatusUpdate(pod, old) {
    // The QoS class is the server's, and a status that leaves out observedGeneration keeps it.
    const status = statusOf(pod);
    const oldStatus = statusOf(old);
    if (!status.qosClass && oldStatus.qosClass) status.qosClass = oldStatus.qosClass;
    if (!status.observedGeneration && oldStatus.observedGeneration)
      status.observedGeneration = oldStatus.observedGeneration;
    pod.status = status;
  },
  prepareForUpdate(pod, old) {
    const spec = specOf(pod);
    keepPriority(spec, specOf(old));
    addDefaultTolerations(spec);
  },
  gracefulDeletionPeriod(pod, requested) {
    // CheckGracefulDelete: a pod no node runs, or one that has finished, goes at once.
    const spec = specOf(pod);
    const phase = statusOf(pod).phase;
    if (!spec.nodeName || phase === "Failed" || phase === "Succeeded") return 0;
    const period =
      requested ?? (typeof spec.terminationGracePeriodSeconds === "number" ? spec.terminationGracePeriodSeconds : 0);
    return period < 0 ? 1 : period;
  },
  columns: podColumns,
  fieldSelectors: {
    "spec.nodeName": (pod) => String(specOf(pod).nodeName ?? ""),
    "spec.host": (pod) => String(specOf(pod).nodeName ?? ""),
    "spec.restartPolicy": (pod) => String(specOf(pod).restartPolicy ?? ""),
    "spec.schedulerName": (pod) => String(specOf(pod).schedulerName ?? ""),
    "spec.serviceAccountName": (pod) => String(specOf(pod).serviceAccountName ?? ""),
    "spec.hostNetwork": (pod) => String(specOf(pod).hostNetwork === true),
    "status.phase": (pod) => String(statusOf(pod).phase ?? ""),
    "status.podIP": (pod) => String(objectsAt(statusOf(pod).podIPs)[0]?.ip ?? ""),
    // Accepted by the field label conversion but not selectable: it matches as an empty value.
    "status.podIPs": () => "",
    "status.nominatedNodeName": (pod) => String(statusOf(pod).nominatedNodeName ?? ""),
  },
};
