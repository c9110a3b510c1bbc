/**
 * The variables a policy's expressions see (plugin/cel's activation): `object` and `oldObject`
 * in the matched version (null when absent), `request` (the AdmissionRequest without its
 * objects, as CreateAdmissionRequest builds it), `params`, `namespaceObject`
 * (CreateNamespaceObject's copy) and `authorizer`. Values are JSON turned into CEL values:
 * integers become CEL ints, as the unstructured converter gives int64.
 */
import { apiVersionOf, type ResourceType } from "../../registry/resource_type.js";
import type { KubeObject } from "../../storage/types.js";
import { toCelValue } from "../../validation/cel_rules.js";
import type { AdmissionAttributes } from "../attributes.js";
import { authorizerValue, type Authorize } from "./cel.js";
import type { Activation } from "./validator.js";

/** Drops the keys Go's omitempty would leave out of a request. */
function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, value]) =>
        value !== undefined &&
        value !== "" &&
        !(Array.isArray(value) && value.length === 0) &&
        !(value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0),
    ),
  );
}

/** admissionv1.AdmissionRequest as CreateAdmissionRequest fills it (no uid, object or oldObject). */
export function admissionRequest(attributes: AdmissionAttributes, matched: ResourceType): Record<string, unknown> {
  const { type, user } = attributes;
  const userInfo = withoutEmpty({ username: user.username, uid: user.uid, groups: user.groups, extra: user.extra });
  return {
    uid: "",
    kind: { group: matched.group, version: matched.version, kind: matched.kind },
    resource: { group: matched.group, version: matched.version, resource: matched.resource },
    requestKind: { group: type.group, version: type.version, kind: type.kind },
    requestResource: { group: type.group, version: type.version, resource: type.resource },
    ...withoutEmpty({
      subResource: attributes.subresource,
      requestSubResource: attributes.subresource,
      name: attributes.name,
      namespace: attributes.namespace ?? "",
      options: attributes.options ?? undefined,
    }),
    operation: attributes.operation,
    userInfo,
    dryRun: attributes.dryRun,
  };
}

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

/** The object as the matched version shows it (versions of one resource differ only in apiVersion here). */
function inVersion(object: KubeObject | undefined, matched: ResourceType): KubeObject | undefined {
  if (!object || object.apiVersion === apiVersionOf(matched)) return object;
  return { ...object, apiVersion: apiVersionOf(matched), kind: matched.kind };
}

export interface ActivationInputs {
  readonly attributes: AdmissionAttributes;
  readonly matched: ResourceType;
  readonly param: KubeObject | null;
  readonly namespace: KubeObject | undefined;
  readonly authorize: Authorize;
}

/** Every variable but `variables`, which the validator adds. */
export function activationFor(inputs: ActivationInputs): Activation {
  const { attributes, matched, param, namespace, authorize } = inputs;
  const cel = (value: unknown) => (value === undefined ? null : toCelValue(undefined, value));
  return {
    object: cel(inVersion(attributes.object, matched)),
    oldObject: cel(inVersion(attributes.oldObject, matched)),
    params: cel(param ?? undefined),
    request: cel(admissionRequest(attributes, matched)),
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
