/**
 * core/v1 PersistentVolumes, as pkg/registry/core/persistentvolume and SetDefaults_PersistentVolume
 * treat them: reclaim policy Retain, volumeMode Filesystem, a status that starts Pending with its
 * transition time, ValidatePersistentVolumeSpec's general rules (not each volume source's own),
 * the volume source fixed once created, and printPersistentVolume.
 */
import type { KubeObject } from "../../storage/types.js";
import { goDiff } from "../../errors/go_diff.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
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

/** The volume sources in the order ValidatePersistentVolumeSpec checks them, with the path it names. */
const volumeSources: [field: string, path: string][] = [
  ["hostPath", "hostPath"],
  ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"],
  ["glusterfs", "glusterfs"],
  ["flocker", "flocker"],
  ["nfs", "nfs"],
  ["rbd", "rbd"],
  ["quobyte", "quobyte"],
  ["cephfs", "cephFS"],
  ["iscsi", "iscsi"],
  ["cinder", "cinder"],
  ["fc", "fc"],
  ["azureFile", "azureFile"],
  ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"],
  ["portworxVolume", "portworxVolume"],
  ["azureDisk", "azureDisk"],
  ["scaleIO", "scaleIO"],
  ["local", "local"],
  ["storageos", "storageos"],
  ["csi", "csi"],
];
const reclaimPolicies = ["Delete", "Recycle", "Retain"];
const hostPathTypes = [
  "",
  "BlockDevice",
  "CharDevice",
  "Directory",
  "DirectoryOrCreate",
  "File",
  "FileOrCreate",
  "Socket",
];

function validateHostPath(source: JsonObject, path: string): FieldError[] {
  const hostPath = typeof source.path === "string" ? source.path : "";
  if (!hostPath) return [fieldErrors.required(`${path}.path`)];
  const errors: FieldError[] = [];
  if (hostPath.split("/").includes(".."))
    errors.push(fieldErrors.invalid(`${path}.path`, hostPath, "must not contain '..'"));
  if (source.type !== undefined && source.type !== null && !hostPathTypes.includes(String(source.type)))
    errors.push(fieldErrors.notSupported(`${path}.type`, source.type, hostPathTypes));
  return errors;
}

function validateVolumeSpec(spec: JsonObject): FieldError[] {
  const modes = Array.isArray(spec.accessModes) ? (spec.accessModes as string[]) : [];
  const errors = validateAccessModes(modes, "spec.accessModes", "");
  const capacity = objectAt(spec.capacity) ?? {};
  const keys = Object.keys(capacity);
  if (keys.length === 0) errors.push(fieldErrors.required("spec.capacity"));
  if (!("storage" in capacity) || keys.length > 1)
    errors.push(fieldErrors.notSupported("spec.capacity", keys.length ? capacity : null, ["storage"]));
  for (const key of keys.sort()) errors.push(...validatePositiveQuantity(capacity[key], `spec.capacity[${key}]`));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (typeof policy === "string" && policy && !reclaimPolicies.includes(policy))
    errors.push(fieldErrors.notSupported("spec.persistentVolumeReclaimPolicy", policy, reclaimPolicies));
  let sources = 0;
  for (const [field, path] of volumeSources) {
    const source = objectAt(spec[field]);
    if (!source) continue;
    if (sources++ > 0) errors.push(fieldErrors.forbidden(`spec.${path}`, "may not specify more than 1 volume type"));
    else if (field === "hostPath") errors.push(...validateHostPath(source, "spec.hostPath"));
  }
  if (sources === 0) errors.push(fieldErrors.required("spec", "must specify a volume type"));
  errors.push(...validateClassName(spec.storageClassName as string | undefined, "spec.storageClassName"));
  errors.push(...validateVolumeMode(spec.volumeMode, "spec.volumeMode"));
  return errors;
}

/** The internal PersistentVolumeSource's fields in Go order, by JSON name. */
const internalSourceFields: [json: string, go: string][] = [
  ["gcePersistentDisk", "GCEPersistentDisk"],
  ["awsElasticBlockStore", "AWSElasticBlockStore"],
  ["hostPath", "HostPath"],
  ["glusterfs", "Glusterfs"],
  ["nfs", "NFS"],
  ["rbd", "RBD"],
  ["iscsi", "ISCSI"],
  ["cinder", "Cinder"],
  ["cephfs", "CephFS"],
  ["fc", "FC"],
  ["flocker", "Flocker"],
  ["flexVolume", "FlexVolume"],
  ["azureFile", "AzureFile"],
  ["vsphereVolume", "VsphereVolume"],
  ["quobyte", "Quobyte"],
  ["azureDisk", "AzureDisk"],
  ["photonPersistentDisk", "PhotonPersistentDisk"],
  ["portworxVolume", "PortworxVolume"],
  ["scaleIO", "ScaleIO"],
  ["local", "Local"],
  ["storageos", "StorageOS"],
  ["csi", "CSI"],
];

/**
 * The internal PersistentVolumeSource for diff.Diff. Each source's own fields keep their JSON
 * names (the internal structs' field names and zero values are not reproduced).
 */
function internalSource(spec: JsonObject): JsonObject {
  return Object.fromEntries(internalSourceFields.map(([json, go]) => [go, spec[json] ?? null]));
}

const specOf = (object: KubeObject): JsonObject => objectAt(object.spec) ?? {};
const statusOf = (object: KubeObject): JsonObject => objectAt(object.status) ?? {};

const descriptions = {
  capacity:
    "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity",
  accessModes:
    "accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes",
  reclaim:
    "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming",
  status:
    "phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase",
  claim:
    "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding",
  reason:
    "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.",
  volumeMode:
    "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.",
};

export const persistentVolumeStrategy: ResourceStrategy = {
  // GetAttrs adds a bare "name", but the v1 field label conversion refuses it: only metadata fields select.
  normalize(object) {
    const spec = specOf(object);
    object.spec = spec;
    spec.persistentVolumeReclaimPolicy ||= "Retain";
    spec.volumeMode ??= "Filesystem";
    const hostPath = objectAt(spec.hostPath);
    if (hostPath) hostPath.type ??= "";
    const status = objectAt(object.status);
    if (status && !status.phase) status.phase = "Pending";
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") return [];
    const spec = specOf(object);
    const errors = validateVolumeSpec(spec);
    if (!old) return errors;
    const before = internalSource(specOf(old));
    const after = internalSource(spec);
    if (JSON.stringify(before) !== JSON.stringify(after))
      errors.push(
        fieldErrors.forbidden(
          "spec.persistentvolumesource",
          `spec.persistentvolumesource is immutable after creation\n${goDiff(before, after)}`,
        ),
      );
    if ((spec.volumeMode ?? null) !== (specOf(old).volumeMode ?? null))
      errors.push(fieldErrors.invalid("volumeMode", spec.volumeMode ?? null, "field is immutable"));
    return errors;
  },
  prepareForCreate(object) {
    addProtectionFinalizer(object, "kubernetes.io/pv-protection");
    object.status = { phase: "Pending", lastPhaseTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource !== "status") object.status = old.status;
  },
  columns: [
    nameColumn,
    column("Capacity", descriptions.capacity, (o) => String(objectAt(specOf(o).capacity)?.storage ?? "0")),
    column("Access Modes", descriptions.accessModes, (o) =>
      accessModesString(specOf(o).accessModes as string[] | undefined),
    ),
    column("Reclaim Policy", descriptions.reclaim, (o) => specOf(o).persistentVolumeReclaimPolicy ?? ""),
    column("Status", descriptions.status, (o) =>
      o.metadata.deletionTimestamp ? "Terminating" : (statusOf(o).phase ?? ""),
    ),
    column("Claim", descriptions.claim, (o) => {
      const claim = objectAt(specOf(o).claimRef);
      return claim ? `${claim.namespace ?? ""}/${claim.name ?? ""}` : "";
    }),
    column("StorageClass", "StorageClass of the pv", (o) =>
      storageClassOf(o.metadata.annotations, specOf(o).storageClassName),
    ),
    volumeAttributesClassColumn("VolumeAttributesClass of the pv"),
    column("Reason", descriptions.reason, (o) => statusOf(o).reason ?? ""),
    ageColumn,
    column("VolumeMode", descriptions.volumeMode, (o) => specOf(o).volumeMode ?? "<unset>", { priority: 1 }),
  ],
};
