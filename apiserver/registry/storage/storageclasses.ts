/**
 * storage.k8s.io/v1 StorageClasses (pkg/registry/storage/storageclass): defaulted reclaim policy
 * and binding mode, provisioner, parameters and allowed topologies checked on create, and the
 * four fields the declarative validation keeps immutable.
 */
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { declarativeImmutable, differs, parametersErrors, provisionerErrors } from "./storage_names.js";

const reclaimPolicies = ["Delete", "Retain"];
const bindingModes = ["Immediate", "WaitForFirstConsumer"];

interface TopologyRequirement {
  key?: string;
  values?: string[] | null;
}

/** validateTopologySelectorLabelRequirement: values required and unique, a label-name key. */
function requirementErrors(requirement: TopologyRequirement, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const values = requirement.values ?? [];
  if (values.length === 0) errors.push(fieldErrors.required(`${path}.values`));
  values.forEach((value, index) => {
    if (values.indexOf(value) < index) errors.push(fieldErrors.duplicate(`${path}.values[${index}]`, value));
  });
  const key = requirement.key ?? "";
  for (const message of qualifiedNameErrors(key)) errors.push(fieldErrors.invalid(`${path}.key`, key, message));
  return errors;
}

/** A term as the set of its keys' value sets, for comparing terms as ValidateTopologySelectorTerm's map. */
function termKey(requirements: TopologyRequirement[]): string {
  const byKey = new Map<string, string[]>();
  for (const requirement of requirements)
    byKey.set(requirement.key ?? "", [...new Set(requirement.values ?? [])].sort());
  return JSON.stringify([...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * validateAllowedTopologies. kube-apiserver compares each term with the terms before it and with
 * as many empty placeholders as there are terms (its slice starts with that length), so an empty
 * term is always reported as a duplicate.
 */
function allowedTopologiesErrors(terms: unknown): FieldError[] {
  if (!Array.isArray(terms) || terms.length === 0) return [];
  const errors: FieldError[] = [];
  const seen: string[] = terms.map(() => termKey([]));
  terms.forEach((term: { matchLabelExpressions?: TopologyRequirement[] | null } | null, index) => {
    const path = `allowedTopologies[${index}]`;
    const requirements = term?.matchLabelExpressions ?? [];
    const keys = new Set<string>();
    requirements.forEach((requirement, at) => {
      const requirementPath = `${path}.matchLabelExpressions[${at}]`;
      errors.push(...requirementErrors(requirement ?? {}, requirementPath));
      if (keys.has(requirement?.key ?? ""))
        errors.push(fieldErrors.duplicate(`${requirementPath}.key`, requirement?.key ?? ""));
      keys.add(requirement?.key ?? "");
    });
    const key = termKey(requirements.map((requirement) => requirement ?? {}));
    for (const other of seen)
      if (other === key) errors.push(fieldErrors.duplicate(`${path}.matchLabelExpressions`, ""));
    seen.push(key);
  });
  return errors;
}

function validateStorageClass(object: KubeObject): FieldError[] {
  const provisioner = typeof object.provisioner === "string" ? object.provisioner : "";
  const errors = [
    ...provisionerErrors(provisioner, "provisioner"),
    ...parametersErrors(object.parameters, true, "parameters"),
  ];
  const reclaimPolicy = object.reclaimPolicy;
  if (typeof reclaimPolicy === "string" && reclaimPolicy && !reclaimPolicies.includes(reclaimPolicy))
    errors.push(fieldErrors.notSupported("reclaimPolicy", reclaimPolicy, reclaimPolicies));
  const mode = object.volumeBindingMode;
  if (mode === undefined || mode === null) errors.push(fieldErrors.required("volumeBindingMode"));
  else if (!bindingModes.includes(mode as string))
    errors.push(fieldErrors.notSupported("volumeBindingMode", mode, bindingModes));
  errors.push(...allowedTopologiesErrors(object.allowedTopologies));
  // The declarative +k8s:required on provisioner reports after every handwritten check.
  if (!provisioner) errors.push(fieldErrors.required("provisioner"));
  return errors;
}

/** ValidateStorageClassUpdate checks immutability only, declaratively, in field order. */
function validateStorageClassUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  return ["provisioner", "parameters", "reclaimPolicy", "volumeBindingMode"]
    .filter((field) => differs(object[field], old[field]))
    .map(declarativeImmutable);
}

const descriptions = columnDescriptions.StorageClass;

export const storageClassStrategy: ResourceStrategy = {
  normalize(object) {
    object.reclaimPolicy ??= "Delete";
    object.volumeBindingMode ??= "Immediate";
    return [];
  },
  validate: (object, old) => (old ? validateStorageClassUpdate(object, old) : validateStorageClass(object)),
  columns: [
    nameColumn,
    column("Provisioner", descriptions.Provisioner, (o) => o.provisioner ?? ""),
    column("ReclaimPolicy", descriptions.ReclaimPolicy, (o) => o.reclaimPolicy ?? "Delete"),
    column("VolumeBindingMode", descriptions.VolumeBindingMode, (o) => o.volumeBindingMode ?? "Immediate"),
    column("AllowVolumeExpansion", descriptions.AllowVolumeExpansion, (o) => o.allowVolumeExpansion === true),
    ageColumn,
  ],
};
