/**
 * What PersistentVolumes and PersistentVolumeClaims share in core validation and printing: access
 * modes, volume modes, storage class names, the storage quantity, and the helpers' short forms.
 */
import { dns1123SubdomainErrors, parseQuantity, QuantityParseError } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { column } from "../printing.js";
import type { PrinterColumn } from "../resource_type.js";

const accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
export const volumeModes = ["Block", "Filesystem"];

/** The access mode checks of ValidatePersistentVolumeSpec and ValidatePersistentVolumeClaimSpec. */
export function validateAccessModes(modes: readonly string[], path: string, requiredDetail: string): FieldError[] {
  const errors: FieldError[] = [];
  if (modes.length === 0) errors.push(fieldErrors.required(path, requiredDetail));
  let once = false;
  let other = false;
  for (const mode of modes) {
    if (!accessModes.includes(mode)) errors.push(fieldErrors.notSupported(path, mode, accessModes));
    if (mode === "ReadWriteOncePod") once = true;
    else if (accessModes.includes(mode)) other = true;
  }
  if (once && other) errors.push(fieldErrors.forbidden(path, "may not use ReadWriteOncePod with other access modes"));
  return errors;
}

/** ValidateClassName: a DNS subdomain. */
export function validateClassName(name: string | null | undefined, path: string): FieldError[] {
  if (!name) return [];
  return dns1123SubdomainErrors(name).map((message) => fieldErrors.invalid(path, name, message));
}

export function validateVolumeMode(mode: unknown, path: string): FieldError[] {
  if (mode === undefined || mode === null || volumeModes.includes(String(mode))) return [];
  return [fieldErrors.notSupported(path, mode, volumeModes)];
}

/** ValidatePositiveQuantityValue (and, for a parsed one, ValidateNonnegativeQuantity): the value printed as stored. */
export function validatePositiveQuantity(value: unknown, path: string): FieldError[] {
  try {
    if (parseQuantity(String(value)).unscaled <= 0n)
      return [fieldErrors.invalid(path, String(value), "must be greater than zero")];
  } catch (failure) {
    if (!(failure instanceof QuantityParseError)) throw failure;
  }
  return [];
}

/** helper.GetAccessModesAsString: the short forms, in RWO, ROX, RWX, RWOP order. */
export function accessModesString(modes: readonly string[] | null | undefined): string {
  const present = new Set(modes ?? []);
  const short: [string, string][] = [
    ["ReadWriteOnce", "RWO"],
    ["ReadOnlyMany", "ROX"],
    ["ReadWriteMany", "RWX"],
    ["ReadWriteOncePod", "RWOP"],
  ];
  return short
    .filter(([mode]) => present.has(mode))
    .map(([, name]) => name)
    .join(",");
}

const storageClassAnnotation = "volume.beta.kubernetes.io/storage-class";

/** GetPersistentVolumeClass / GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function storageClassOf(annotations: Record<string, string> | undefined, className: unknown): string {
  if (annotations && storageClassAnnotation in annotations) return annotations[storageClassAnnotation] ?? "";
  return typeof className === "string" ? className : "";
}

/** The StorageObjectInUseProtection admission plugin: each new volume or claim is kept until a controller lets go. */
export function addProtectionFinalizer(object: KubeObject, finalizer: string): void {
  const finalizers = object.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) object.metadata.finalizers = [...finalizers, finalizer];
}

/** The VolumeAttributesClass column of both printers ("<unset>" without one). */
export function volumeAttributesClassColumn(description: string): PrinterColumn {
  return column(description.replace(/ of the .*/, ""), description, (o) => {
    const spec = o.spec as { volumeAttributesClassName?: unknown } | undefined;
    return typeof spec?.volumeAttributesClassName === "string" ? spec.volumeAttributesClassName : "<unset>";
  });
}
