/**
 * ValidatePersistentVolumeClaimUpdate beyond the spec rules: a claim's spec is immutable but for
 * a first volumeName, a storageClassName set where there was none, and (bound claims) the storage
 * request and volumeAttributesClassName; the request may not shrink to the capacity or below.
 */
import { compareQuantities, parseQuantity, QuantityParseError } from "../../../apimachinery/index.js";
import { goDiff } from "../../errors/go_diff.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { objectAt, type JsonObject } from "./pod_spec_defaults.js";

const storageClassAnnotation = "volume.beta.kubernetes.io/storage-class";

const orNull = (value: unknown) => (value === undefined ? null : value);

function reference(value: unknown, withNamespace: boolean): unknown {
  const source = objectAt(value);
  if (!source) return null;
  const internal: JsonObject = { APIGroup: orNull(source.apiGroup), Kind: source.kind ?? "", Name: source.name ?? "" };
  if (withNamespace) internal.Namespace = orNull(source.namespace);
  return internal;
}

/** The internal core.PersistentVolumeClaimSpec as diff.Diff prints it (Go field names, struct order). */
function internalClaimSpec(spec: JsonObject): JsonObject {
  const resources = objectAt(spec.resources) ?? {};
  return {
    AccessModes: orNull(spec.accessModes),
    Selector: orNull(spec.selector),
    Resources: { Limits: orNull(resources.limits), Requests: orNull(resources.requests) },
    VolumeName: spec.volumeName ?? "",
    StorageClassName: orNull(spec.storageClassName),
    VolumeMode: orNull(spec.volumeMode),
    DataSource: reference(spec.dataSource, false),
    DataSourceRef: reference(spec.dataSourceRef, true),
    VolumeAttributesClassName: orNull(spec.volumeAttributesClassName),
  };
}

function storageRequest(spec: JsonObject): ReturnType<typeof parseQuantity> | undefined {
  const value = objectAt(objectAt(spec.resources)?.requests)?.storage;
  try {
    return parseQuantity(String(value ?? "0"));
  } catch (failure) {
    if (failure instanceof QuantityParseError) return undefined;
    throw failure;
  }
}

export function validateClaimUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const spec = objectAt(object.spec) ?? {};
  const oldSpec = objectAt(old.spec) ?? {};
  const next = internalClaimSpec(spec);
  const previous = internalClaimSpec(oldSpec);
  if (!oldSpec.volumeName) previous.VolumeName = next.VolumeName;
  const oldAnnotations = old.metadata.annotations ?? {};
  const annotations = object.metadata.annotations ?? {};
  if ((annotations[storageClassAnnotation] ?? "") !== (oldAnnotations[storageClassAnnotation] ?? ""))
    errors.push(
      fieldErrors.invalid(
        `metadata.annotations.${storageClassAnnotation}`,
        annotations[storageClassAnnotation] ?? "",
        "field is immutable",
      ),
    );
  // A storage class may be set on a claim that had none (RetroactiveDefaultStorageClass).
  if (
    !(storageClassAnnotation in oldAnnotations) &&
    previous.StorageClassName === null &&
    next.StorageClassName !== null
  )
    next.StorageClassName = previous.StorageClassName;
  const bound = objectAt(object.status)?.phase === "Bound";
  if (bound && next.Resources && (next.Resources as JsonObject).Requests) {
    const requests = { ...((next.Resources as JsonObject).Requests as JsonObject) };
    requests.storage = objectAt((previous.Resources as JsonObject).Requests)?.storage;
    next.Resources = { ...(next.Resources as JsonObject), Requests: requests };
  }
  if (bound) next.VolumeAttributesClassName = previous.VolumeAttributesClassName;
  if (JSON.stringify(next) !== JSON.stringify(previous))
    errors.push(
      fieldErrors.forbidden(
        "spec",
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${goDiff(previous, next)}`,
      ),
    );
  const newSize = storageRequest(spec);
  const oldSize = storageRequest(oldSpec);
  const capacity = objectAt(objectAt(old.status)?.capacity)?.storage;
  if (newSize && oldSize && compareQuantities(newSize, oldSize) < 0) {
    const statusSize = parseQuantity(String(capacity ?? "0"));
    if (compareQuantities(newSize, statusSize) <= 0)
      errors.push(
        fieldErrors.forbidden("spec.resources.requests.storage", "field can not be less than status.capacity"),
      );
  }
  if ((spec.volumeMode ?? null) !== (oldSpec.volumeMode ?? null))
    errors.push(fieldErrors.invalid("volumeMode", spec.volumeMode ?? null, "field is immutable"));
  return errors;
}
