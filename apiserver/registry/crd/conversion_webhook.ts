/**
 * A CRD's conversion webhook (spec.conversion.strategy: Webhook), as apiextensions-apiserver's
 * webhookConverter calls it: one ConversionReview (v1, or v1beta1 when only that is accepted)
 * for the objects not yet at the desired version, the response checked (kind, uid, result, count,
 * each object's group/version, kind, name, namespace and uid), and every object's metadata restored
 * but for the labels and annotations the webhook may change. Failures are Errors worded as the
 * real converter's; the caller answers them as kube-apiserver does (500 InternalError).
 */
import { randomUUID } from "node:crypto";
import type { KubeObject } from "../../storage/types.js";
import { cloneJson } from "../../storage/deep_values.js";
import { validateLabels } from "../../validation/label_selector.js";
import type { ClientConfig } from "../admissionregistration/webhook_client_config.js";
import { postWebhook, type WebhookTarget } from "../webhook_transport.js";

export interface ConversionWebhookSpec {
  conversionReviewVersions?: string[] | null;
  clientConfig?: ClientConfig | null;
}

/** A CRD's spec.conversion. */
export interface ConversionSpec {
  strategy?: string;
  webhook?: ConversionWebhookSpec | null;
}

/** Sends one review body to the webhook and answers its decoded JSON response. */
export type ReviewTransport = (target: WebhookTarget, review: unknown) => Promise<unknown>;

export interface ObjectConverter {
  /** `objects` at `desiredApiVersion`, in order; the ones already there are answered unchanged. */
  convert(objects: readonly KubeObject[], desiredApiVersion: string): Promise<KubeObject[]>;
}

/** Go's schema.GroupVersionKind String(): `group/version, Kind=Kind`. */
function gvkString(object: KubeObject): string {
  return `${object.apiVersion ?? ""}, Kind=${object.kind ?? ""}`;
}

function reviewVersion(accepted: readonly string[]): string {
  for (const version of accepted) if (version === "v1" || version === "v1beta1") return version;
  throw new Error("no supported conversion review versions");
}

function targetOf(crdName: string, spec: ConversionWebhookSpec): WebhookTarget {
  const config = spec.clientConfig ?? {};
  const caBundle = config.caBundle ? Buffer.from(config.caBundle, "base64").toString("utf8") : "";
  const service = config.service;
  if (config.url) return { name: `conversion_webhook_for_${crdName}`, url: config.url, caBundle };
  // A service reference names a cluster Service the local server has no network for: the URL it
  // would dial, which fails as an unresolvable host does.
  const host = `${service?.name ?? ""}.${service?.namespace ?? ""}.svc`;
  return {
    name: `conversion_webhook_for_${crdName}`,
    url: `https://${host}:${service?.port ?? 443}${service?.path ?? ""}`,
    caBundle,
  };
}

/** The converter of one CRD, built when its storage is. */
export function webhookConverter(
  crdName: string,
  spec: ConversionWebhookSpec,
  transport: ReviewTransport = postWebhook,
): ObjectConverter {
  const target = targetOf(crdName, spec);
  return {
    async convert(objects, desiredApiVersion) {
      const pending = objects.filter((object) => object.apiVersion !== desiredApiVersion);
      if (!pending.length) return [...objects];
      const first = pending[0] as KubeObject;
      const failed = (why: string): Error => new Error(`conversion webhook for ${gvkString(first)} ${why}`);
      const version = reviewVersion(spec.conversionReviewVersions ?? []);
      const uid = randomUUID();
      const review = {
        kind: "ConversionReview",
        apiVersion: `apiextensions.k8s.io/${version}`,
        request: { uid, desiredAPIVersion: desiredApiVersion, objects: pending.map(withoutResourceVersion) },
        // The real converter sends its empty response struct along.
        response: { uid: "", convertedObjects: null, result: { metadata: {} } },
      };
      let answer: unknown;
      try {
        answer = await transport(target, review);
      } catch (error) {
        throw failed(`failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      let converted: unknown[];
      try {
        converted = convertedObjectsOf(answer, version, uid);
      } catch (error) {
        throw failed(`failed: ${(error as Error).message}`);
      }
      if (converted.length !== pending.length)
        throw failed(`returned ${converted.length} objects, expected ${pending.length}`);
      const single = objects.length === 1;
      let index = 0;
      return objects.map((original) => {
        if (original.apiVersion === desiredApiVersion) return original;
        const at = index++;
        const where = single ? "invalid object" : `invalid converted object at index ${at}`;
        const object = converted[at] as KubeObject;
        const mismatch = identityMismatch(original, object, desiredApiVersion);
        if (mismatch) throw failed(`returned ${where}: ${mismatch}`);
        const metaError = restoreObjectMeta(original, object);
        if (metaError)
          throw failed(
            single
              ? `returned invalid metadata: ${metaError}`
              : `returned invalid metadata in object at index ${at}: ${metaError}`,
          );
        return object;
      });
    },
  };
}

/**
 * Objects cross versions as the storage codec sees them, whose bytes never hold a resourceVersion
 * (etcd's revision is set after decoding, and cleared before encoding).
 */
function withoutResourceVersion(object: KubeObject): KubeObject {
  if (object.metadata?.resourceVersion === undefined) return object;
  const metadata = { ...object.metadata };
  delete metadata.resourceVersion;
  return { ...object, metadata };
}

/** getConvertedObjectsFromResponse: the response's objects, or why it is not an answer. */
function convertedObjectsOf(answer: unknown, version: string, uid: string): unknown[] {
  const review = (answer ?? {}) as {
    apiVersion?: string;
    kind?: string;
    response?: { uid?: string; result?: { status?: string; message?: string }; convertedObjects?: unknown[] | null };
  };
  if (version === "v1") {
    const got = `${review.apiVersion ?? ""}, Kind=${review.kind ?? ""}`;
    const expected = "apiextensions.k8s.io/v1, Kind=ConversionReview";
    if (got !== expected) throw new Error(`expected webhook response of ${expected}, got ${got}`);
  }
  const response = review.response;
  if (!response) throw new Error("no response provided");
  if (version === "v1" && (response.uid ?? "") !== uid)
    throw new Error(`expected response.uid="${uid}", got "${response.uid ?? ""}"`);
  const status = response.result?.status ?? "";
  if (status !== "Success") {
    if (response.result?.message) throw new Error(response.result.message);
    throw new Error(`response.result.status was '${status}', not 'Success'`);
  }
  return response.convertedObjects ?? [];
}

/** validateConvertedObject, with the group/version and kind checks before it. */
function identityMismatch(original: KubeObject, converted: KubeObject, desired: string): string | undefined {
  if (converted === null || typeof converted !== "object" || Array.isArray(converted)) return "invalid type";
  if (converted.apiVersion !== desired)
    return `invalid groupVersion (expected ${desired}, received ${converted.apiVersion ?? ""})`;
  if (converted.kind !== original.kind)
    return `invalid kind (expected ${original.kind ?? ""}, received ${converted.kind ?? ""})`;
  const meta = (converted.metadata ?? {}) as KubeObject["metadata"];
  const before = original.metadata;
  if ((meta.name ?? "") !== (before.name ?? ""))
    return `must have the same name: ${before.name ?? ""} != ${meta.name ?? ""}`;
  if ((meta.namespace ?? "") !== (before.namespace ?? ""))
    return `must have the same namespace: ${before.namespace ?? ""} != ${meta.namespace ?? ""}`;
  if ((meta.uid ?? "") !== (before.uid ?? ""))
    return `must have the same UID: ${before.uid ?? ""} != ${meta.uid ?? ""}`;
  return undefined;
}

/**
 * The original metadata, with the converted object's labels and annotations (which must be
 * string maps, and valid when changed); answers why not, else undefined.
 */
function restoreObjectMeta(original: KubeObject, converted: KubeObject): string | undefined {
  const answered = converted.metadata as unknown;
  if (answered === undefined) return "missing metadata in converted object";
  if (answered === null || typeof answered !== "object" || Array.isArray(answered))
    return `invalid metadata of type ${goTypeName(answered)} in converted object`;
  const restored = cloneJson(original.metadata) as Record<string, unknown>;
  for (const field of ["labels", "annotations"] as const) {
    const value = (answered as Record<string, unknown>)[field];
    if (value === undefined || value === null) {
      delete restored[field];
      continue;
    }
    if (typeof value !== "object" || Array.isArray(value))
      return `invalid metadata.${field} of type ${goTypeName(value)} in converted object`;
    const before = (restored[field] ?? {}) as Record<string, unknown>;
    const entries = Object.entries(value as Record<string, unknown>);
    let changed = entries.length !== Object.keys(before).length;
    for (const [key, item] of entries) {
      if (typeof item !== "string")
        return `metadata.${field}[${key}] must be a string, but is ${goTypeName(item)} in converted object`;
      if (before[key] !== item) changed = true;
    }
    if (changed && field === "labels") {
      const errors = validateLabels(value as Record<string, string>, "metadata.labels").map(
        (error) => `${error.field}: ${error.detail}`,
      );
      if (errors.length) return errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
    }
    restored[field] = value;
  }
  converted.metadata = restored as KubeObject["metadata"];
  return undefined;
}

/** The Go type a JSON value decodes to in an unstructured object, for the messages above. */
function goTypeName(value: unknown): string {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  if (Array.isArray(value)) return "[]interface {}";
  if (value === null) return "<nil>";
  return "map[string]interface {}";
}
