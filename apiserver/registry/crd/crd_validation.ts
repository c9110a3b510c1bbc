/**
 * Validation of CustomResourceDefinitions as apiextensions does it (ValidateCustomResourceDefinition
 * and its Update variant), in its order and wording. The spec is validated in its internal form
 * (crd_internal.ts), so a schema every version shares is reported under spec.validation, and
 * values are printed as the internal Go structs' JSON.
 */
import { goJsonMarshal } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { dns1035LabelErrors, dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { crdSchemaErrors } from "./crd_schema_validation.js";
import { conversionErrors } from "./conversion_validation.js";
import { renderInternalVersions, toInternalSpec, type InternalCrdSpec } from "./crd_internal.js";
import type { CrdSpec, CrdVersion } from "./custom_resource.js";

type Spec = Partial<CrdSpec>;

function enumErrors(path: string, value: string | undefined, accepted: string[]): FieldError[] {
  if (!value) return [fieldErrors.required(path, "")];
  return accepted.includes(value) ? [] : [fieldErrors.notSupported(path, value, accepted)];
}

const columnTypes = ["boolean", "date", "integer", "number", "string"];
const columnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];

function columnErrors(columns: CrdVersion["additionalPrinterColumns"], path: string): FieldError[] {
  const errors: FieldError[] = [];
  (columns ?? []).forEach((column, index) => {
    const at = `${path}[${index}]`;
    if (!column.name) errors.push(fieldErrors.required(`${at}.name`, ""));
    const typesDetail = `must be one of ${columnTypes.join(",")}`;
    if (!column.type) errors.push(fieldErrors.required(`${at}.type`, typesDetail));
    else if (!columnTypes.includes(column.type))
      errors.push(fieldErrors.invalid(`${at}.type`, column.type, typesDetail));
    if (column.format && !columnFormats.includes(column.format)) {
      errors.push(fieldErrors.invalid(`${at}.format`, column.format, `must be one of ${columnFormats.join(",")}`));
    }
    if (!column.jsonPath) errors.push(fieldErrors.required(`${at}.JSONPath`, ""));
  });
  return errors;
}

function subresourceErrors(subresources: CrdVersion["subresources"], path: string): FieldError[] {
  const scale = subresources?.scale;
  if (!scale) return [];
  const errors: FieldError[] = [];
  const checkPath = (field: string, value: string | undefined, prefixes: string[], detail: string) => {
    if (!value) errors.push(fieldErrors.required(`${path}.scale.${field}`, ""));
    else if (!prefixes.some((prefix) => value.startsWith(prefix)))
      errors.push(fieldErrors.invalid(`${path}.scale.${field}`, value, detail));
  };
  checkPath("specReplicasPath", scale.specReplicasPath, [".spec."], "should be a json path under .spec");
  checkPath("statusReplicasPath", scale.statusReplicasPath, [".status."], "should be a json path under .status");
  if (scale.labelSelectorPath !== undefined) {
    checkPath(
      "labelSelectorPath",
      scale.labelSelectorPath,
      [".spec.", ".status."],
      "should be a json path under either .spec or .status",
    );
  }
  return errors;
}

function versionErrors(version: CrdVersion, path: string): FieldError[] {
  const raw = version as CrdVersion & { deprecated?: boolean; deprecationWarning?: string };
  const errors: FieldError[] = [];
  if (raw.deprecationWarning !== undefined) {
    const warning = raw.deprecationWarning;
    const problems = !raw.deprecated ? ["can only be set for deprecated versions"] : [];
    if (raw.deprecated && warning.length > 256) problems.push("must be <= 256 characters long");
    if (raw.deprecated && warning.length === 0) problems.push("must not be an empty string");
    for (const problem of problems) errors.push(fieldErrors.invalid(`${path}.deprecationWarning`, warning, problem));
  }
  errors.push(...crdSchemaErrors(version.schema, version.subresources?.status !== undefined, `${path}.schema`));
  errors.push(...subresourceErrors(version.subresources, `${path}.subresources`));
  errors.push(...columnErrors(version.additionalPrinterColumns, `${path}.additionalPrinterColumns`));
  return errors;
}

function namesErrors(names: Partial<CrdSpec["names"]>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ["plural", "singular"] as const) {
    const value = names[field];
    const problems = value ? dns1035LabelErrors(value) : [];
    if (value && problems.length) errors.push(fieldErrors.invalid(`${path}.${field}`, value, problems.join(",")));
  }
  for (const field of ["kind", "listKind"] as const) {
    const value = names[field];
    const problems = value ? dns1035LabelErrors(value.toLowerCase()) : [];
    if (value && problems.length)
      errors.push(
        fieldErrors.invalid(
          `${path}.${field}`,
          value,
          `may have mixed case, but should otherwise match: ${problems.join(",")}`,
        ),
      );
  }
  (names.shortNames ?? []).forEach((shortName, index) => {
    const problems = dns1035LabelErrors(shortName);
    if (problems.length)
      errors.push(fieldErrors.invalid(`${path}.shortNames[${index}]`, shortName, problems.join(",")));
  });
  if (names.kind && names.kind === names.listKind)
    errors.push(fieldErrors.invalid(`${path}.listKind`, names.listKind, "kind and listKind may not be the same"));
  (names.categories ?? []).forEach((category, index) => {
    const problems = dns1035LabelErrors(category);
    if (problems.length) errors.push(fieldErrors.invalid(`${path}.categories[${index}]`, category, problems.join(",")));
  });
  return errors;
}

/** validateCustomResourceDefinitionSpec on the internal spec. */
function specErrors(spec: Spec, internal: InternalCrdSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec.group) errors.push(fieldErrors.required("spec.group", ""));
  else {
    const problems = dns1123SubdomainErrors(spec.group);
    if (problems.length) errors.push(fieldErrors.invalid("spec.group", spec.group, problems.join(",")));
    else if (spec.group.split(".").length < 2)
      errors.push(fieldErrors.invalid("spec.group", spec.group, "should be a domain with at least one dot"));
  }
  errors.push(...enumErrors("spec.scope", spec.scope, ["Cluster", "Namespaced"]));
  const { versions } = internal;
  if (!internal.validation?.openAPIV3Schema) {
    versions.forEach((version, index) => {
      if (!version.schema?.openAPIV3Schema)
        errors.push(fieldErrors.required(`spec.versions[${index}].schema.openAPIV3Schema`, ""));
    });
  }
  const seen = new Set<string>();
  let uniqueNames = true;
  versions.forEach((version, index) => {
    if (seen.has(version.name)) uniqueNames = false;
    seen.add(version.name);
    const problems = dns1035LabelErrors(version.name ?? "");
    if (problems.length)
      errors.push(fieldErrors.invalid(`spec.versions[${index}].name`, version.name ?? "", problems.join(",")));
    errors.push(...versionErrors(version, `spec.versions[${index}]`));
  });
  const rendered = () => renderInternalVersions(versions);
  if (!uniqueNames)
    errors.push(fieldErrors.invalidRendered("spec.versions", rendered(), "must contain unique version names"));
  if (versions.filter((version) => version.storage).length !== 1) {
    errors.push(
      fieldErrors.invalidRendered(
        "spec.versions",
        rendered(),
        "must have exactly one version marked as storage version",
      ),
    );
  }
  const names: Partial<CrdSpec["names"]> = spec.names ?? {};
  for (const field of ["plural", "singular", "kind", "listKind"] as const)
    if (!names[field]) errors.push(fieldErrors.required(`spec.names.${field}`, ""));
  errors.push(...namesErrors(names, "spec.names"));
  const anyStatus =
    internal.subresources?.status !== undefined ||
    versions.some((version) => version.subresources?.status !== undefined);
  errors.push(...crdSchemaErrors(internal.validation, anyStatus, "spec.validation"));
  errors.push(...subresourceErrors(internal.subresources, "spec.subresources"));
  errors.push(...columnErrors(internal.additionalPrinterColumns, "spec.additionalPrinterColumns"));
  errors.push(...conversionErrors(spec.conversion));
  return errors;
}

/** ValidateCustomResourceDefinitionStoredVersions, with status.storedVersions as PrepareForCreate/Update leave it. */
function storedVersionErrors(versions: CrdVersion[], old: KubeObject | undefined): FieldError[] {
  const stored = [...((old?.status as { storedVersions?: string[] } | undefined)?.storedVersions ?? [])];
  const storage = versions.find((version) => version.storage);
  if (storage && !stored.includes(storage.name)) stored.push(storage.name);
  if (!stored.length)
    return [fieldErrors.invalid("status.storedVersions", null, "must have at least one stored version")];
  const errors: FieldError[] = [];
  for (const version of versions) {
    if (version.storage && !stored.includes(version.name)) {
      errors.push(
        fieldErrors.invalidRendered(
          "status.storedVersions",
          goJsonMarshal(stored),
          `must have the storage version ${version.name}`,
        ),
      );
    }
  }
  stored.forEach((name, index) => {
    if (!versions.some((version) => version.name === name))
      errors.push(fieldErrors.invalid(`status.storedVersions[${index}]`, name, "must appear in spec.versions"));
  });
  return errors;
}

export function validateCrd(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const spec = (object.spec ?? {}) as Spec;
  const names = spec.names ?? ({} as Partial<CrdSpec["names"]>);
  const expectedName = `${names.plural ?? ""}.${spec.group ?? ""}`;
  if (!old && object.metadata.name !== expectedName) {
    errors.push(
      fieldErrors.invalid("metadata.name", object.metadata.name ?? "", 'must be spec.names.plural+"."+spec.group'),
    );
  }
  const internal = toInternalSpec(spec);
  errors.push(...specErrors(spec, internal));
  if (old) {
    const oldSpec = (old.spec ?? {}) as Spec;
    const established = (
      (old.status as { conditions?: { type?: string; status?: string }[] } | undefined)?.conditions ?? []
    ).some((condition) => condition.type === "Established" && condition.status === "True");
    const immutable = (path: string, value: string | undefined, before: string | undefined) => {
      if (value !== before) errors.push(fieldErrors.invalid(path, value ?? "", "field is immutable"));
    };
    if (established) {
      immutable("spec.scope", spec.scope, oldSpec.scope);
      immutable("spec.names.kind", names.kind, oldSpec.names?.kind);
    }
    immutable("spec.group", spec.group, oldSpec.group);
    immutable("spec.names.plural", names.plural, oldSpec.names?.plural);
  }
  errors.push(...storedVersionErrors(Array.isArray(spec.versions) ? spec.versions : [], old));
  return errors;
}
