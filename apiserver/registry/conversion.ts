/**
 * Version conversion and small object helpers. Every served version of a collection shares one
 * stored form; with conversion strategy None (the only one served here) converting is setting
 * `apiVersion`, as kube-apiserver's nopConverter does.
 */
import { cloneJson, equalJson } from "../storage/deep_values.js";
import type { KubeObject } from "../storage/types.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";

/** The object as served at `type`'s version; shares nested values with the stored instance. */
export function toVersion(object: KubeObject, type: ResourceType): KubeObject {
  if (type.conversion) return type.conversion.fromStorage(object);
  const apiVersion = apiVersionOf(type);
  if (object.apiVersion === apiVersion && object.kind === type.kind) return object;
  return { ...object, apiVersion, kind: type.kind };
}

/** The object in its stored version. */
export function toStorageVersion(object: KubeObject, type: ResourceType): KubeObject {
  if (type.conversion) {
    type.conversion.toStorage(object);
    return object;
  }
  object.apiVersion = type.group ? `${type.group}/${type.storageVersion}` : type.storageVersion;
  object.kind = type.kind;
  return object;
}

/**
 * Adds the fields of a kind's zero value that `object` lacks, as decoding into a Go struct does
 * (nested structs are filled too; a present value is never replaced).
 */
export function fillEmptyFields(object: Record<string, unknown>, empty: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(empty ?? {})) {
    const present = object[key];
    if (present === undefined) object[key] = structuredClone(value);
    else if (isRecord(present) && isRecord(value)) fillEmptyFields(present, value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A deep copy, safe for values of any depth. */
export const deepClone = cloneJson;

/** Deep equality of JSON values, safe for values of any depth. */
export const jsonEqual = equalJson;

/** The object without the fields that never count as a spec change. */
export function specPart(object: KubeObject, statusSubresource: boolean): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...object };
  delete rest.metadata;
  delete rest.apiVersion;
  delete rest.kind;
  if (statusSubresource) delete rest.status;
  return rest;
}
