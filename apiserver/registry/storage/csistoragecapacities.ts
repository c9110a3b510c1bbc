/**
 * storage.k8s.io/v1 CSIStorageCapacities (pkg/registry/storage/csistoragecapacity): a storage class
 * name, a capacity that is not negative, class and topology fixed once created. Printed by the
 * default Table, as kube-apiserver serves them.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import type { LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateLabelSelector } from "../../validation/label_selector.js";
import type { KubeObject } from "../../storage/types.js";
import type { ResourceStrategy } from "../resource_type.js";
import { differs } from "./storage_names.js";

function validate(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const className = typeof object.storageClassName === "string" ? object.storageClassName : "";
  if (old) {
    const errors: FieldError[] = [];
    if (differs(object.nodeTopology, old.nodeTopology))
      errors.push(fieldErrors.invalid("nodeTopology", object.nodeTopology ?? null, "field is immutable"));
    if (className !== (old.storageClassName ?? ""))
      errors.push(fieldErrors.invalid("storageClassName", className, "field is immutable"));
    return errors;
  }
  const errors = [
    ...validateLabelSelector(object.nodeTopology as LabelSelector | undefined, "nodeTopology"),
    ...dns1123SubdomainErrors(className).map((message) => fieldErrors.invalid("storageClassName", className, message)),
  ];
  // A quantity's sign is its first character; "-0" is zero, which is not negative.
  const capacity = object.capacity;
  if (typeof capacity === "string" && capacity.startsWith("-") && /[1-9]/.test(capacity))
    errors.push(fieldErrors.invalid("capacity", capacity, "must be greater than or equal to 0"));
  return errors;
}

export const csiStorageCapacityStrategy: ResourceStrategy = { validate, allowUnconditionalUpdate: false };
