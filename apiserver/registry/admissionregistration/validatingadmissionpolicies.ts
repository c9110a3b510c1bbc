/**
 * admissionregistration.k8s.io/v1 ValidatingAdmissionPolicies (pkg/registry/admissionregistration/
 * validatingadmissionpolicy): stored, defaulted and validated; nothing evaluates them here. The CEL
 * expressions are checked for presence, not compiled.
 */
import { dns1035LabelErrors, dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { defaultMatchResources, matchResourcesErrors, type MatchResources } from "./match_resources.js";
import { failurePolicies, matchConditionsErrors } from "./rules.js";

interface Validation {
  expression?: string;
  message?: string;
  messageExpression?: string;
  reason?: string | null;
}

interface PolicySpec {
  failurePolicy?: string | null;
  paramKind?: { apiVersion?: string; kind?: string } | null;
  matchConstraints?: MatchResources | null;
  matchConditions?: ({ name?: string; expression?: string } | null)[] | null;
  variables?: ({ name?: string; expression?: string } | null)[] | null;
  validations?: (Validation | null)[] | null;
  auditAnnotations?: ({ key?: string; valueExpression?: string } | null)[] | null;
}

function specOf(object: KubeObject): PolicySpec {
  const spec = object.spec;
  return spec !== null && typeof spec === "object" ? (spec as PolicySpec) : {};
}

function paramKindErrors(kind: { apiVersion?: string; kind?: string }, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const apiVersion = kind.apiVersion ?? "";
  if (!apiVersion) errors.push(fieldErrors.required(`${path}.apiVersion`));
  else if (apiVersion !== "/" && (apiVersion.match(/\//g)?.length ?? 0) > 1)
    errors.push(fieldErrors.invalid(`${path}.apiVersion`, apiVersion, `unexpected GroupVersion string: ${apiVersion}`));
  else if (apiVersion !== "/") {
    const slash = apiVersion.indexOf("/");
    const [group, version] = slash < 0 ? ["", apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
    const groupErrors = group ? dns1123SubdomainErrors(group) : [];
    if (groupErrors.length) errors.push(fieldErrors.invalid(`${path}.apiVersion`, group, groupErrors.join(",")));
    if (!version) errors.push(fieldErrors.invalid(`${path}.apiVersion`, apiVersion, "version must be specified"));
    else {
      const versionErrors = dns1035LabelErrors(version);
      if (versionErrors.length)
        errors.push(fieldErrors.invalid(`${path}.apiVersion`, version, versionErrors.join(",")));
    }
  }
  const kindName = kind.kind ?? "";
  if (!kindName) errors.push(fieldErrors.required(`${path}.kind`));
  else {
    const kindErrors = dns1035LabelErrors(kindName.toLowerCase());
    if (kindErrors.length)
      errors.push(
        fieldErrors.invalid(
          `${path}.kind`,
          kindName,
          `may have mixed case, but should otherwise match: ${kindErrors.join(",")}`,
        ),
      );
  }
  return errors;
}

const reasons = ["Forbidden", "Invalid", "RequestEntityTooLarge"];

function validationErrors(validation: Validation, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!(validation.expression ?? "").trim())
    errors.push(fieldErrors.required(`${path}.expression`, "expression is not specified"));
  const messageExpression = validation.messageExpression ?? "";
  if (messageExpression && !messageExpression.trim())
    errors.push(fieldErrors.invalid(`${path}.messageExpression`, messageExpression, "must be non-empty if specified"));
  const message = validation.message ?? "";
  if (message && !message.trim())
    errors.push(fieldErrors.invalid(`${path}.message`, message, "must be non-empty if specified"));
  else if (/[\n\r]/.test(message.trim()))
    errors.push(fieldErrors.invalid(`${path}.message`, message, "must not contain line breaks"));
  if (typeof validation.reason === "string" && !reasons.includes(validation.reason))
    errors.push(fieldErrors.notSupported(`${path}.reason`, validation.reason, reasons));
  return errors;
}

/** validateValidatingAdmissionPolicySpec without CEL compilation of variables, validations and audit annotations. */
function validateSpec(spec: PolicySpec, ignoreMatchConditions: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (spec.failurePolicy === undefined || spec.failurePolicy === null)
    errors.push(fieldErrors.required("spec.failurePolicy"));
  else if (!failurePolicies.includes(spec.failurePolicy))
    errors.push(fieldErrors.notSupported("spec.failurePolicy", spec.failurePolicy, ["Fail", "Ignore"]));
  if (spec.paramKind) errors.push(...paramKindErrors(spec.paramKind, "spec.paramKind"));
  if (!spec.matchConstraints) errors.push(fieldErrors.required("spec.matchConstraints"));
  else {
    errors.push(...matchResourcesErrors(spec.matchConstraints, "spec.matchConstraints"));
    if (!spec.matchConstraints.resourceRules?.length)
      errors.push(fieldErrors.required("spec.matchConstraints.resourceRules"));
  }
  if (!ignoreMatchConditions) errors.push(...matchConditionsErrors(spec.matchConditions, "spec.matchConditions"));
  (spec.variables ?? []).forEach((variable, index) => {
    if (!variable?.name) errors.push(fieldErrors.required(`spec.variables[${index}].name`));
    if (!(variable?.expression ?? "").trim()) errors.push(fieldErrors.required(`spec.variables[${index}].expression`));
  });
  const validations = spec.validations ?? [];
  const audits = spec.auditAnnotations ?? [];
  if (validations.length === 0 && audits.length === 0) {
    const why = "validations or auditAnnotations must contain at least one item";
    errors.push(fieldErrors.required("spec.validations", why), fieldErrors.required("spec.auditAnnotations", why));
    return errors;
  }
  validations.forEach((validation, index) =>
    errors.push(...validationErrors(validation ?? {}, `spec.validations[${index}]`)),
  );
  if (audits.length > 20)
    errors.push(fieldErrors.invalid("spec.auditAnnotations", audits, "must not have more than 20 auditAnnotations"));
  const keys = new Set<string>();
  audits.forEach((audit, index) => {
    const key = audit?.key ?? "";
    if (keys.has(key)) errors.push(fieldErrors.duplicate(`spec.auditAnnotations[${index}].key`, key));
    keys.add(key);
  });
  return errors;
}

export const validatingAdmissionPolicyStrategy: ResourceStrategy = {
  allowUnconditionalUpdate: false,
  normalize(object) {
    const spec = specOf(object);
    spec.failurePolicy ??= "Fail";
    defaultMatchResources(spec.matchConstraints);
    object.spec = spec;
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") return [];
    const ignore =
      old !== undefined &&
      JSON.stringify(specOf(object).matchConditions ?? null) === JSON.stringify(specOf(old).matchConditions ?? null);
    return validateSpec(specOf(object), ignore);
  },
  prepareForCreate(object) {
    object.status = {};
    object.metadata.generation = 1;
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource === "status") object.spec = old.spec;
    else object.status = old.status;
  },
  columns: [
    nameColumn,
    column(
      "Validations",
      columnDescriptions.ValidatingAdmissionPolicy.Validations,
      (o) => (specOf(o).validations ?? []).length,
      {
        type: "integer",
      },
    ),
    column("ParamKind", columnDescriptions.ValidatingAdmissionPolicy.ParamKind, (o) => {
      const kind = specOf(o).paramKind;
      return kind ? `${kind.apiVersion ?? ""}/${kind.kind ?? ""}` : "<unset>";
    }),
    ageColumn,
  ],
};
