/**
 * The request's objects in another served version of its resource, and back (matchPolicy
 * Equivalent), through the resource's converter: a CRD's conversion webhook when it has one.
 */
import { deepClone, served, storageForm } from "../registry/conversion.js";
import type { ResourceType } from "../registry/resource_type.js";
import type { KubeObject } from "../storage/types.js";
import type { AdmissionAttributes } from "./attributes.js";

/** `object`, served at `from`, as served at `to`: a copy the caller may change. */
export async function convertObject(object: KubeObject, from: ResourceType, to: ResourceType): Promise<KubeObject> {
  if (from === to) return deepClone(object);
  const stored = await storageForm(deepClone(object), from);
  return deepClone(await served(stored, to));
}

/** The attributes with their objects in `to`'s version (the request's own type is kept). */
export async function convertAttributes(
  attributes: AdmissionAttributes,
  to: ResourceType,
): Promise<AdmissionAttributes> {
  const convert = async (object: KubeObject | undefined): Promise<KubeObject | undefined> =>
    object && (await convertObject(object, attributes.type, to));
  const [object, oldObject] = await Promise.all([convert(attributes.object), convert(attributes.oldObject)]);
  return { ...attributes, object, oldObject };
}
