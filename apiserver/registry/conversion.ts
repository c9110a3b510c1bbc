/**
 * Version conversion and small object helpers. Every served version of a collection shares one
 * stored form; with conversion strategy None converting is setting `apiVersion`, as
 * kube-apiserver's nopConverter does. A CRD with strategy Webhook converts through its webhook,
 * asynchronously: `served`/`servedList`/`storageForm` are the conversions every path that crosses
 * versions awaits, synchronous (no promise) for every other kind.
 */
import { StatusError } from "../errors/status.js";
import { cloneJson, equalJson } from "../storage/deep_values.js";
import type { KubeObject } from "../storage/types.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";

/**
 * The object as served at `type`'s version; shares nested values with the stored instance. A
 * kind converted by a webhook is answered at its stored version: `served` converts it.
 */
export function toVersion(object: KubeObject, type: ResourceType): KubeObject {
  if (type.webhookConversion) return object;
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

/** The object at `type`'s version, through its conversion webhook when it has one. */
export function served(object: KubeObject, type: ResourceType): KubeObject | Promise<KubeObject> {
  if (!type.webhookConversion) return toVersion(object, type);
  return convertThroughWebhook([object], apiVersionOf(type), type).then((objects) => objects[0] as KubeObject);
}

/** The objects at `type`'s version: one ConversionReview for those a webhook must convert. */
export function servedList(objects: KubeObject[], type: ResourceType): KubeObject[] | Promise<KubeObject[]> {
  if (!type.webhookConversion) return objects.map((object) => toVersion(object, type));
  return convertThroughWebhook(objects, apiVersionOf(type), type);
}

/** The object at its stored version (in place when no webhook converts it). */
export function storageForm(object: KubeObject, type: ResourceType): KubeObject | Promise<KubeObject> {
  if (!type.webhookConversion) return toStorageVersion(object, type);
  const storageApiVersion = type.group ? `${type.group}/${type.storageVersion}` : type.storageVersion;
  return convertThroughWebhook([object], storageApiVersion, type).then((objects) => objects[0] as KubeObject);
}

/**
 * `type` with the other versions its objects' managedFields were recorded at, each holding `old`
 * and `object` converted there by the webhook: the field manager compares a write at every
 * manager's version, as structured-merge-diff does through the CRD's converter.
 */
export async function withManagerVersions(
  type: ResourceType,
  old: KubeObject,
  object: KubeObject,
): Promise<ResourceType> {
  const webhook = type.webhookConversion;
  if (!webhook) return type;
  const own = apiVersionOf(type);
  const versions = new Set(
    (old.metadata.managedFields ?? []).map((entry) => entry.apiVersion ?? own).filter((version) => version !== own),
  );
  const otherVersions: NonNullable<ResourceType["otherVersions"]> = {};
  for (const version of versions) {
    if (!(version in webhook.schemas)) continue;
    const [oldThere, objectThere] = await convertThroughWebhook([old, object], version, type);
    const converted = new Map([
      [old, oldThere as KubeObject],
      [object, objectThere as KubeObject],
    ]);
    otherVersions[version] = {
      convert: (value) => converted.get(value) ?? value,
      openApiSchema: webhook.schemas[version],
    };
  }
  return Object.keys(otherVersions).length ? { ...type, otherVersions } : type;
}

/**
 * A failed conversion is the server's fault: kube-apiserver answers the converter's plain error as
 * any error that is no API status, a bare 500 with its message and no reason.
 */
async function convertThroughWebhook(
  objects: KubeObject[],
  apiVersion: string,
  type: ResourceType,
): Promise<KubeObject[]> {
  try {
    return await (type.webhookConversion as NonNullable<ResourceType["webhookConversion"]>).convert(
      objects,
      apiVersion,
    );
  } catch (error) {
    throw new StatusError(500, "", error instanceof Error ? error.message : String(error));
  }
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
