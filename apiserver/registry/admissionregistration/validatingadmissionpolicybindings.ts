/**
 * admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBindings (pkg/registry/
 * admissionregistration/validatingadmissionpolicybinding): policy name, param reference, match
 * resources and actions checked; the declarative required checks report last.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import type { LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateLabelSelector } from "../../validation/label_selector.js";
import type { KubeObject } from "../../storage/types.js";
import { pathSegmentNameErrors } from "../../validation/object_meta.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { defaultMatchResources, matchResourcesErrors, type MatchResources } from "./match_resources.js";

interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: unknown;
  parameterNotFoundAction?: string | null;
}

interface BindingSpec {
  policyName?: string;
  paramRef?: ParamRef | null;
  matchResources?: MatchResources | null;
  validationActions?: string[] | null;
}

function specOf(object: KubeObject): BindingSpec {
  const spec = object.spec;
  return spec !== null && typeof spec === "object" ? (spec as BindingSpec) : {};
}

function paramRefErrors(ref: ParamRef | null | undefined): FieldError[] {
  if (!ref) return [];
  const errors: FieldError[] = [];
  const name = ref.name ?? "";
  const hasSelector = ref.selector !== undefined && ref.selector !== null;
  const exclusive = "name and selector are mutually exclusive";
  if (name) {
    for (const message of pathSegmentNameErrors(name))
      errors.push(fieldErrors.invalid("spec.paramRef.name", name, message));
    if (hasSelector) errors.push(fieldErrors.forbidden("spec.paramRef.name", exclusive));
  }
  if (hasSelector) {
    errors.push(...validateLabelSelector(ref.selector as LabelSelector, "spec.paramRef.selector"));
    if (name) errors.push(fieldErrors.forbidden("spec.paramRef.selector", exclusive));
  }
  if (!name && !hasSelector)
    errors.push(fieldErrors.required("spec.paramRef", "one of name or selector must be specified"));
  const action = ref.parameterNotFoundAction;
  if (!action) errors.push(fieldErrors.required("spec.paramRef.parameterNotFoundAction"));
  else if (action !== "Deny" && action !== "Allow")
    errors.push(fieldErrors.notSupported("spec.paramRef.parameterNotFoundAction", action, ["Deny", "Allow"]));
  return errors;
}

const actions = ["Audit", "Deny", "Warn"];

function actionsErrors(list: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((action, index) => {
    if (!actions.includes(action))
      errors.push(fieldErrors.notSupported(`spec.validationActions[${index}]`, action, actions));
    if (seen.has(action)) errors.push(fieldErrors.duplicate(`spec.validationActions[${index}]`, action));
    seen.add(action);
  });
  if (seen.has("Deny") && seen.has("Warn"))
    errors.push(
      fieldErrors.invalid(
        "spec.validationActions",
        list,
        "must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)",
      ),
    );
  return errors;
}

function validate(object: KubeObject): FieldError[] {
  const spec = specOf(object);
  const policyName = spec.policyName ?? "";
  const errors = policyName
    ? dns1123SubdomainErrors(policyName).map((message) => fieldErrors.invalid("spec.policyName", policyName, message))
    : [];
  errors.push(...paramRefErrors(spec.paramRef));
  errors.push(...matchResourcesErrors(spec.matchResources, "spec.matchResources"));
  errors.push(...actionsErrors(spec.validationActions ?? []));
  // The declarative +k8s:required checks.
  if (!policyName) errors.push(fieldErrors.required("spec.policyName"));
  if (!spec.validationActions?.length) errors.push(fieldErrors.required("spec.validationActions"));
  return errors;
}

export const validatingAdmissionPolicyBindingStrategy: ResourceStrategy = {
  allowUnconditionalUpdate: false,
  normalize(object) {
    defaultMatchResources(specOf(object).matchResources);
    return [];
  },
  validate,
  prepareForCreate(object) {
    object.metadata.generation = 1;
  },
  columns: [
    nameColumn,
    column(
      "PolicyName",
      columnDescriptions.ValidatingAdmissionPolicyBinding.PolicyName,
      (o) => specOf(o).policyName ?? "",
    ),
    column("ParamRef", columnDescriptions.ValidatingAdmissionPolicyBinding.ParamRef, (o) => {
      const ref = specOf(o).paramRef;
      if (!ref?.name) return "<unset>";
      return ref.namespace ? `${ref.namespace}/${ref.name}` : `*/${ref.name}`;
    }),
    ageColumn,
  ],
};
