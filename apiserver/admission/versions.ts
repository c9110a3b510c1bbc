/**
 * The request's objects in another served version of its resource, and back (matchPolicy
 * Equivalent). `convertObject` and `convertAttributes` convert as kube-apiserver's admission does
 * with the resource's converter: through the CRD's conversion webhook when it has one, so a
 * webhook or policy for v1alpha1 sees the fields a v1beta1 request names in v1alpha1's terms.
 * `convertAttributesLocally` is for the synchronous steps (match conditions, policies): it only
 * sets the version, which is the conversion of every kind but a webhook-converted CRD's.
 */
import { deepClone, served, storageForm, toStorageVersion, toVersion } from "../registry/conversion.js";
import type { ResourceType } from "../registry/resource_type.js";
import type { KubeObject } from "../storage/types.js";
import type { AdmissionAttributes } from "./attributes.js";

/** `object`, served at `from`, as served at `to`: a copy the caller may change. */
export async function convertObject(object: KubeObject, from: ResourceType, to: ResourceType): Promise<KubeObject> {
  if (from === to) return deepClone(object);
  return deepClone(await served(await storageForm(deepClone(object), from), to));
}

/** The attributes with their objects in `to`'s version (the request's own type is kept). */
export async function convertAttributes(
  attributes: AdmissionAttributes,
  to: ResourceType,
): Promise<AdmissionAttributes> {
  const convert = async (object: KubeObject | undefined): Promise<KubeObject | undefined> =>
    object && convertObject(object, attributes.type, to);
  const [object, oldObject] = await Promise.all([convert(attributes.object), convert(attributes.oldObject)]);
  return { ...attributes, object, oldObject };
}

/** {@link convertAttributes} without a conversion webhook's call: the version set, the fields as they are. */
export function convertAttributesLocally(attributes: AdmissionAttributes, to: ResourceType): AdmissionAttributes {
  const convert = (object: KubeObject | undefined): KubeObject | undefined =>
    object && deepClone(toVersion(toStorageVersion(deepClone(object), attributes.type), to));
  return { ...attributes, object: convert(attributes.object), oldObject: convert(attributes.oldObject) };
}
