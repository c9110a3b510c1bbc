/**
 * core/v1 PersistentVolumeClaims, as pkg/registry/core/persistentvolumeclaim and
 * SetDefaults_PersistentVolumeClaim(Spec) treat them: volumeMode Filesystem, a status that starts
 * Pending, data sources normalized, ValidatePersistentVolumeClaimSpec, and printPersistentVolumeClaim.
 */
import type { KubeObject } from "../../storage/types.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { dns1123LabelErrors, dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { validateLabelSelector } from "../../validation/label_selector.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { validateClaimUpdate } from "./claim_update_validation.js";
import { objectAt, type JsonObject } from "./pod_spec_defaults.js";
import {
  accessModesString,
  addProtectionFinalizer,
  volumeAttributesClassColumn,
  storageClassOf,
  validateAccessModes,
  validateClassName,
  validatePositiveQuantity,
  validateVolumeMode,
} from "./volume_fields.js";

/** SetDefaults_PersistentVolumeClaimSpec. */
export function defaultClaimSpec(spec: JsonObject): void {
  if (spec.volumeMode === undefined || spec.volumeMode === null) spec.volumeMode = "Filesystem";
}

/** validateDataSource / validateDataSourceRef. */
function validateDataSource(source: JsonObject, path: string, withNamespace: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (!source.name) errors.push(fieldErrors.required(`${path}.name`));
  if (!source.kind) errors.push(fieldErrors.required(`${path}.kind`));
  const apiGroup = typeof source.apiGroup === "string" ? source.apiGroup : "";
  if (!apiGroup && source.kind !== "PersistentVolumeClaim")
    errors.push(
      fieldErrors.invalid(
        path,
        source.kind ?? "",
        "must be 'PersistentVolumeClaim' when referencing the default apiGroup",
      ),
    );
  for (const message of apiGroup ? dns1123SubdomainErrors(apiGroup) : [])
    errors.push(fieldErrors.invalid(`${path}.apiGroup`, apiGroup, message));
  const namespace = withNamespace && typeof source.namespace === "string" ? source.namespace : "";
  if (namespace)
    for (const message of dns1123LabelErrors(namespace))
      errors.push(fieldErrors.invalid(`${path}.namespace`, namespace, message));
  return errors;
}

/** ValidatePersistentVolumeClaimSpec at `path` (also a StatefulSet's or an ephemeral volume's claim template). */
export function validateClaimSpec(spec: JsonObject, path: string): FieldError[] {
  const modes = Array.isArray(spec.accessModes) ? (spec.accessModes as string[]) : [];
  const errors = validateAccessModes(modes, `${path}.accessModes`, "at least 1 access mode is required");
  // ValidateLabelSelector runs before the access mode values are checked.
  const selectorErrors = validateLabelSelector(objectAt(spec.selector), `${path}.selector`);
  const required = errors.filter((error) => error.type === "FieldValueRequired");
  const ordered = [...required, ...selectorErrors, ...errors.filter((error) => error.type !== "FieldValueRequired")];
  const requests = objectAt(objectAt(spec.resources)?.requests);
  const storagePath = `${path}.resources[storage]`;
  if (!requests || !("storage" in requests)) ordered.push(fieldErrors.required(storagePath));
  else ordered.push(...validatePositiveQuantity(requests.storage, storagePath));
  ordered.push(...validateClassName(spec.storageClassName as string | undefined, `${path}.storageClassName`));
  ordered.push(...validateVolumeMode(spec.volumeMode, `${path}.volumeMode`));
  const dataSource = objectAt(spec.dataSource);
  const dataSourceRef = objectAt(spec.dataSourceRef);
  if (dataSource) ordered.push(...validateDataSource(dataSource, `${path}.dataSource`, false));
  if (dataSourceRef) ordered.push(...validateDataSource(dataSourceRef, `${path}.dataSourceRef`, true));
  if (dataSourceRef?.namespace) {
    if (dataSource)
      ordered.push(
        fieldErrors.invalid(
          path,
          `${path}.dataSource`,
          "may not be specified when dataSourceRef.namespace is specified",
        ),
      );
  } else if (dataSource && dataSourceRef) {
    const same = ["apiGroup", "kind", "name"].every(
      (key) => (dataSource[key] ?? null) === (dataSourceRef[key] ?? null),
    );
    if (!same) ordered.push(fieldErrors.invalid(path, `${path}.dataSource`, "must match dataSourceRef"));
  }
  ordered.push(
    ...validateClassName(spec.volumeAttributesClassName as string | undefined, `${path}.volumeAttributesClassName`),
  );
  return ordered;
}

/** NormalizeDataSources: dataSource and dataSourceRef mirror each other when one is unset. */
function normalizeDataSources(spec: JsonObject): void {
  const dataSource = objectAt(spec.dataSource);
  const dataSourceRef = objectAt(spec.dataSourceRef);
  if (dataSource && !dataSourceRef) spec.dataSourceRef = { ...dataSource };
  else if (dataSourceRef && !dataSource && !dataSourceRef.namespace) {
    const { namespace: _none, ...local } = dataSourceRef;
    spec.dataSource = local;
  }
}

const specOf = (object: KubeObject): JsonObject => objectAt(object.spec) ?? {};
const statusOf = (object: KubeObject): JsonObject => objectAt(object.status) ?? {};

const descriptions = {
  status: "phase represents the current phase of PersistentVolumeClaim.",
  volume: "volumeName is the binding reference to the PersistentVolume backing this claim.",
  capacity: "capacity represents the actual resources of the underlying volume.",
  accessModes:
    "accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1",
  volumeMode:
    "volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.",
};

export const persistentVolumeClaimStrategy: ResourceStrategy = {
  // GetAttrs adds a bare "name", but the v1 field label conversion refuses it: only metadata fields select.
  normalize(object) {
    const spec = specOf(object);
    object.spec = spec;
    defaultClaimSpec(spec);
    const status = objectAt(object.status);
    if (status && !status.phase) status.phase = "Pending";
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") return [];
    const errors = validateClaimSpec(specOf(object), "spec");
    return old ? [...errors, ...validateClaimUpdate(object, old)] : errors;
  },
  prepareForCreate(object) {
    addProtectionFinalizer(object, "kubernetes.io/pvc-protection");
    // PrepareForCreate empties the status; reading it back defaults its phase.
    object.status = { phase: "Pending" };
    normalizeDataSources(specOf(object));
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource === "status") return;
    object.status = old.status;
    normalizeDataSources(specOf(object));
  },
  columns: [
    nameColumn,
    column("Status", descriptions.status, (o) =>
      o.metadata.deletionTimestamp ? "Terminating" : (statusOf(o).phase ?? ""),
    ),
    column("Volume", descriptions.volume, (o) => specOf(o).volumeName ?? ""),
    column("Capacity", descriptions.capacity, (o) =>
      specOf(o).volumeName ? String(objectAt(statusOf(o).capacity)?.storage ?? "0") : "",
    ),
    column("Access Modes", descriptions.accessModes, (o) =>
      specOf(o).volumeName ? accessModesString(statusOf(o).accessModes as string[] | undefined) : "",
    ),
    column("StorageClass", "StorageClass of the pvc", (o) =>
      storageClassOf(o.metadata.annotations, specOf(o).storageClassName),
    ),
    volumeAttributesClassColumn("VolumeAttributesClass of the pvc"),
    ageColumn,
    column("VolumeMode", descriptions.volumeMode, (o) => specOf(o).volumeMode ?? "<unset>", { priority: 1 }),
  ],
};
