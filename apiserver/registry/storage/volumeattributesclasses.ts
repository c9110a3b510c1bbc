/**
 * storage.k8s.io/v1 VolumeAttributesClasses (pkg/registry/storage/volumeattributesclass): a
 * driver name and at least one parameter, neither of which an update may change.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { differs, parametersErrors, provisionerErrors } from "./storage_names.js";

function validateClass(object: KubeObject): FieldError[] {
  const driverName = typeof object.driverName === "string" ? object.driverName : "";
  return [
    ...(driverName ? provisionerErrors(driverName, "driverName") : [fieldErrors.required("driverName")]),
    ...parametersErrors(object.parameters, false, "parameters"),
  ];
}

function validate(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  if (!old) return validateClass(object);
  const errors: FieldError[] = [];
  if ((object.driverName ?? "") !== (old.driverName ?? ""))
    errors.push(fieldErrors.forbidden("driverName", "updates to driverName are forbidden."));
  if (differs(object.parameters, old.parameters))
    errors.push(fieldErrors.forbidden("parameters", "updates to parameters are forbidden."));
  return [...errors, ...validateClass(object)];
}

/** The finalizer kube-apiserver's StorageObjectInUseProtection admission adds to every class. */
const protectionFinalizer = "kubernetes.io/vac-protection";

export const volumeAttributesClassStrategy: ResourceStrategy = {
  validate,
  prepareForCreate(object) {
    const finalizers = object.metadata.finalizers ?? [];
    if (!finalizers.includes(protectionFinalizer)) object.metadata.finalizers = [...finalizers, protectionFinalizer];
  },
  columns: [
    nameColumn,
    column("DriverName", columnDescriptions.VolumeAttributesClass.DriverName, (o) => o.driverName ?? ""),
    ageColumn,
  ],
};
