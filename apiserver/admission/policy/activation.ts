/**
 * The variables a policy's expressions see (plugin/cel's activation): `object` and `oldObject`
 * in the matched version (null when absent), `request` (the AdmissionRequest without its
 * objects, as CreateAdmissionRequest builds it), `params`, `namespaceObject`
 * (CreateNamespaceObject's copy) and `authorizer`. Values are JSON turned into CEL values:
 * integers become CEL ints, as the unstructured converter gives int64.
 */
import type { ResourceType } from "../../registry/resource_type.js";
import type { KubeObject } from "../../storage/types.js";
import { toCelValue } from "../../validation/cel_rules.js";
import { admissionRequest } from "../admission_review.js";
import type { AdmissionAttributes } from "../attributes.js";
import { authorizerValue, type Authorize } from "./cel.js";
import type { Activation } from "./validator.js";

const namespaceMetadataFields = [
  "name",
  "generateName",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "finalizers",
] as const;

/** CreateNamespaceObject: the namespace's spec, status and part of its metadata. */
export function namespaceObject(namespace: KubeObject): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  for (const field of namespaceMetadataFields)
    if (namespace.metadata[field] !== undefined) metadata[field] = namespace.metadata[field];
  return { metadata, spec: namespace.spec ?? {}, status: namespace.status ?? {} };
}

export interface ActivationInputs {
  readonly attributes: AdmissionAttributes;
  /** The attributes with their objects at the matched version (the request's own when equal). */
  readonly versioned: AdmissionAttributes;
  readonly matched: ResourceType;
  readonly param: KubeObject | null;
  readonly namespace: KubeObject | undefined;
  readonly authorize: Authorize;
}

/** Every variable but `variables`, which the validator adds. */
export function activationFor(inputs: ActivationInputs): Activation {
  const { attributes, versioned, matched, param, namespace, authorize } = inputs;
  const cel = (value: unknown) => (value === undefined ? null : toCelValue(undefined, value));
  // CreateAdmissionRequest leaves the objects out: expressions read them as object and oldObject.
  const { object: _object, oldObject: _oldObject, ...request } = admissionRequest(attributes, matched, "");
  return {
    object: cel(versioned.object),
    oldObject: cel(versioned.oldObject),
    params: cel(param ?? undefined),
    request: cel(request),
    namespaceObject: namespace ? cel(namespaceObject(namespace)) : null,
    authorizer: authorizerValue(attributes.user, authorize, {
      apiGroup: attributes.type.group,
      resource: attributes.type.resource,
      subresource: attributes.subresource,
      namespace: attributes.namespace ?? "",
      name: attributes.name,
    }),
  };
}
