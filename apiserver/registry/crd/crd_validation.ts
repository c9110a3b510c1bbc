/**
 * Validation of CustomResourceDefinitions, with the apiextensions validation wording for the
 * mistakes people make most (names, group, scope, versions, storage, schemas, CEL rules).
 */
import { fieldErrors, type FieldError } from "../../http/status.js";
import type { KubeObject } from "../../storage/types.js";
import { compileRule } from "../../validation/cel_rules.js";
import { dns1123LabelErrors, dns1123SubdomainErrors } from "../../validation/object_meta.js";
import type { JsonSchema } from "../../validation/structural_schema.js";
import type { CrdSpec } from "./custom_resource.js";

function checkRules(schema: JsonSchema | undefined, path: string, errors: FieldError[]): void {
  if (!schema) return;
  (schema["x-kubernetes-validations"] ?? []).forEach((rule, index) => {
    try {
      compileRule(rule.rule);
    } catch (error) {
      errors.push(
        fieldErrors.invalid(`${path}.x-kubernetes-validations[${index}].rule`, rule.rule, `compilation failed: ERROR: <input>:1: ${(error as Error).message.split("\n")[0]}`),
      );
    }
  });
  for (const [name, property] of Object.entries(schema.properties ?? {})) checkRules(property, `${path}.properties[${name}]`, errors);
  if (schema.items) checkRules(schema.items, `${path}.items`, errors);
  if (typeof schema.additionalProperties === "object") checkRules(schema.additionalProperties, `${path}.additionalProperties`, errors);
}

export function validateCrd(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const spec = (object.spec ?? {}) as Partial<CrdSpec>;
  const names = spec.names ?? ({} as Partial<CrdSpec["names"]>);
  const expectedName = `${names.plural ?? ""}.${spec.group ?? ""}`;
  if (object.metadata.name !== expectedName) {
    errors.push(fieldErrors.invalid("metadata.name", object.metadata.name ?? "", 'must be spec.names.plural+"."+spec.group'));
  }
  if (!spec.group) errors.push(fieldErrors.required("spec.group", ""));
  else {
    for (const message of dns1123SubdomainErrors(spec.group)) errors.push(fieldErrors.invalid("spec.group", spec.group, message));
    if (spec.group.split(".").length < 2) errors.push(fieldErrors.invalid("spec.group", spec.group, "should be a domain with at least one dot"));
  }
  if (spec.scope !== "Namespaced" && spec.scope !== "Cluster") {
    errors.push(spec.scope ? fieldErrors.notSupported("spec.scope", spec.scope, ["Cluster", "Namespaced"]) : fieldErrors.required("spec.scope", ""));
  }
  for (const field of ["plural", "singular"] as const) {
    const value = names[field];
    if (value === undefined || value === "") {
      if (field === "plural") errors.push(fieldErrors.required("spec.names.plural", ""));
      continue;
    }
    for (const message of dns1123LabelErrors(value)) errors.push(fieldErrors.invalid(`spec.names.${field}`, value, message));
  }
  if (!names.kind) errors.push(fieldErrors.required("spec.names.kind", ""));
  (names.shortNames ?? []).forEach((shortName, index) => {
    for (const message of dns1123LabelErrors(shortName)) errors.push(fieldErrors.invalid(`spec.names.shortNames[${index}]`, shortName, message));
  });
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  if (!versions.length) errors.push(fieldErrors.invalid("spec.versions", versions, "must have exactly one version marked as storage version"));
  else if (versions.filter((version) => version.storage).length !== 1) {
    errors.push(fieldErrors.invalid("spec.versions", versions, "must have exactly one version marked as storage version"));
  }
  const seen = new Set<string>();
  versions.forEach((version, index) => {
    const path = `spec.versions[${index}]`;
    if (!version.name) errors.push(fieldErrors.required(`${path}.name`, ""));
    else {
      for (const message of dns1123LabelErrors(version.name)) errors.push(fieldErrors.invalid(`${path}.name`, version.name, message));
      if (seen.has(version.name)) errors.push(fieldErrors.invalid("spec.versions", versions, "must contain unique version names"));
      seen.add(version.name);
    }
    const schema = version.schema?.openAPIV3Schema;
    if (!schema) errors.push(fieldErrors.required(`${path}.schema.openAPIV3Schema`, "schemas are required"));
    else {
      if (schema.type !== "object") errors.push(fieldErrors.invalid(`${path}.schema.openAPIV3Schema.type`, schema.type ?? "", "must be object at the root"));
      checkRules(schema, `${path}.schema.openAPIV3Schema`, errors);
    }
    (version.additionalPrinterColumns ?? []).forEach((column, columnIndex) => {
      const columnPath = `${path}.additionalPrinterColumns[${columnIndex}]`;
      if (!column.name) errors.push(fieldErrors.required(`${columnPath}.name`, ""));
      if (!["integer", "number", "string", "boolean", "date"].includes(column.type)) {
        errors.push(fieldErrors.notSupported(`${columnPath}.type`, column.type, ["boolean", "date", "integer", "number", "string"]));
      }
      if (!column.jsonPath) errors.push(fieldErrors.required(`${columnPath}.JSONPath`, ""));
    });
  });
  if (!versions.some((version) => version.served) && versions.length) {
    errors.push(fieldErrors.invalid("spec.versions", versions, "must have at least one served version"));
  }
  if (old) {
    const oldSpec = (old.spec ?? {}) as Partial<CrdSpec>;
    if (oldSpec.scope !== spec.scope) errors.push(fieldErrors.invalid("spec.scope", spec.scope ?? "", "field is immutable"));
    if (oldSpec.group !== spec.group) errors.push(fieldErrors.invalid("spec.group", spec.group ?? "", "field is immutable"));
  }
  return errors;
}
