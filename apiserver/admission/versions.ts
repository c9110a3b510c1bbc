/** The request's objects in another served version of its resource, and back (matchPolicy Equivalent). */
import { deepClone, toStorageVersion, toVersion } from "../registry/conversion.js";
import type { ResourceType } from "../registry/resource_type.js";
import type { KubeObject } from "../storage/types.js";
import type { AdmissionAttributes } from "./attributes.js";

/** `object`, served at `from`, as served at `to`: a copy the caller may change. */
export function convertObject(object: KubeObject, from: ResourceType, to: ResourceType): KubeObject {
  if (from === to) return deepClone(object);
  return deepClone(toVersion(toStorageVersion(deepClone(object), from), to));
}

/** The attributes with their objects in `to`'s version (the request's own type is kept). */
export function convertAttributes(attributes: AdmissionAttributes, to: ResourceType): AdmissionAttributes {
  const convert = (object: KubeObject | undefined): KubeObject | undefined =>
    object && convertObject(object, attributes.type, to);
  return { ...attributes, object: convert(attributes.object), oldObject: convert(attributes.oldObject) };
}
