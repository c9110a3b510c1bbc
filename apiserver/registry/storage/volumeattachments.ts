/**
 * storage.k8s.io/v1 VolumeAttachments (pkg/registry/storage/volumeattachment): attacher, source
 * and node checked, status written only through /status, the spec fixed once created.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { declarativeCSIDriverNameErrors, declarativeImmutable, differs } from "./storage_names.js";

interface Spec {
  attacher?: string;
  nodeName?: string;
  source?: { persistentVolumeName?: string | null; inlineVolumeSpec?: unknown } | null;
}

interface VolumeError {
  message?: string;
  errorCode?: number | null;
}

interface Status {
  attached?: boolean;
  attachmentMetadata?: Record<string, string> | null;
  attachError?: VolumeError | null;
  detachError?: VolumeError | null;
}

const objectOf = <T>(value: unknown): T => (value !== null && typeof value === "object" ? (value as T) : ({} as T));
const specOf = (object: KubeObject) => objectOf<Spec>(object.spec);
const statusOf = (object: KubeObject) => objectOf<Status>(object.status);

const oneSource = "must specify exactly one of inlineVolumeSpec and persistentVolumeName";

function sourceErrors(spec: Spec): FieldError[] {
  const source = spec.source ?? {};
  const pvName = source.persistentVolumeName;
  const hasPV = pvName !== undefined && pvName !== null;
  const hasInline = source.inlineVolumeSpec !== undefined && source.inlineVolumeSpec !== null;
  if (!hasPV && !hasInline) return [fieldErrors.required("spec.source", oneSource)];
  if (hasPV && hasInline) return [fieldErrors.forbidden("spec.source", oneSource)];
  if (hasPV && pvName === "")
    return [fieldErrors.required("spec.source.persistentVolumeName", "must specify non empty persistentVolumeName")];
  return [];
}

function volumeErrorErrors(error: VolumeError | null | undefined, path: string): FieldError[] {
  if (!error) return [];
  const errors: FieldError[] = [];
  if ((error.message ?? "").length > 1024) errors.push(fieldErrors.tooLong(`${path}.message`, 1024));
  if (typeof error.errorCode === "number" && error.errorCode < 0)
    errors.push(
      fieldErrors.invalid(`${path}.errorCode`, error.errorCode, "must be between 0 and 2147483647, inclusive"),
    );
  return errors;
}

function statusErrors(status: Status): FieldError[] {
  const errors: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(status.attachmentMetadata ?? {})) size += key.length + String(value).length;
  if (size > 256 * 1024) errors.push(fieldErrors.tooLong("status.attachmentMetadata", 256 * 1024));
  errors.push(...volumeErrorErrors(status.attachError, "status.attachError"));
  errors.push(...volumeErrorErrors(status.detachError, "status.detachError"));
  return errors;
}

/** ValidateVolumeAttachment; the attacher's checks are declarative and report last. */
function validateVolumeAttachment(object: KubeObject): FieldError[] {
  const spec = specOf(object);
  const errors = sourceErrors(spec);
  const nodeName = spec.nodeName ?? "";
  for (const message of dns1123SubdomainErrors(nodeName))
    errors.push(fieldErrors.invalid("spec.nodeName", nodeName, message));
  errors.push(...statusErrors(statusOf(object)));
  const pvName = spec.source?.persistentVolumeName;
  if (typeof pvName === "string")
    for (const message of dns1123SubdomainErrors(pvName))
      errors.push(fieldErrors.invalid("spec.source.persistentVolumeName", pvName, message));
  return errors;
}

function validate(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errors = validateVolumeAttachment(object);
  const attacher = specOf(object).attacher ?? "";
  // Declarative checks skip a field an update leaves unchanged.
  if (!old || attacher !== (specOf(old).attacher ?? ""))
    errors.push(...declarativeCSIDriverNameErrors(attacher, "spec.attacher"));
  if (old && differs(object.spec, old.spec)) errors.push(declarativeImmutable("spec"));
  return errors;
}

const descriptions = columnDescriptions.VolumeAttachment;

export const volumeAttachmentStrategy: ResourceStrategy = {
  allowUnconditionalUpdate: false,
  validate,
  prepareForCreate(object) {
    object.status = { attached: false };
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource === "status") object.spec = old.spec;
    else object.status = old.status;
  },
  columns: [
    nameColumn,
    column("Attacher", descriptions.Attacher, (o) => specOf(o).attacher ?? "", { format: "name" }),
    column("PV", descriptions.PV, (o) => specOf(o).source?.persistentVolumeName ?? ""),
    column("Node", descriptions.Node, (o) => specOf(o).nodeName ?? ""),
    column("Attached", descriptions.Attached, (o) => statusOf(o).attached === true, { type: "boolean" }),
    ageColumn,
  ],
};
