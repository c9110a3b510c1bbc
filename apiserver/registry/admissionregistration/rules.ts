/**
 * What webhooks and admission policies share (pkg/apis/admissionregistration/validation): rules
 * with operations, match conditions, the allowed values, and the Rule defaults.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import { pathSegmentNameErrors } from "../../validation/object_meta.js";

export const failurePolicies = ["Fail", "Ignore"];
export const matchPolicies = ["Equivalent", "Exact"];
const operations = ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"];
const scopes = ["*", "Cluster", "Namespaced"];

export interface RuleWithOperations {
  operations?: string[] | null;
  apiGroups?: string[] | null;
  apiVersions?: string[] | null;
  resources?: string[] | null;
  scope?: string | null;
  resourceNames?: string[] | null;
}

/** SetDefaults_Rule. */
export function defaultRule(rule: RuleWithOperations): void {
  rule.scope ??= "*";
}

const hasWildcard = (list: readonly string[]) => list.includes("*");

/** validateResources: subresource wildcards may not overlap what they cover. */
function resourcesErrors(resources: readonly string[], path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (resources.length === 0) errors.push(fieldErrors.required(path));
  const wildcardSubresources = new Set<string>();
  const wildcardResources = new Set<string>();
  let doubleWildcard = false;
  let singleWildcard = false;
  let withoutSubresource = false;
  resources.forEach((entry, index) => {
    if (entry === "") {
      errors.push(fieldErrors.required(`${path}[${index}]`));
      return;
    }
    if (entry === "*/*") doubleWildcard = true;
    if (entry === "*") singleWildcard = true;
    const slash = entry.indexOf("/");
    if (slash < 0) {
      withoutSubresource = entry !== "*";
      return;
    }
    const [resource, subresource] = [entry.slice(0, slash), entry.slice(slash + 1)];
    if (wildcardSubresources.has(resource))
      errors.push(
        fieldErrors.invalid(`${path}[${index}]`, entry, `if '${resource}/*' is present, must not specify ${entry}`),
      );
    if (wildcardResources.has(subresource))
      errors.push(
        fieldErrors.invalid(`${path}[${index}]`, entry, `if '*/${subresource}' is present, must not specify ${entry}`),
      );
    if (subresource === "*") wildcardSubresources.add(resource);
    if (resource === "*") wildcardResources.add(subresource);
  });
  if (resources.length > 1 && doubleWildcard)
    errors.push(fieldErrors.invalid(path, resources, "if '*/*' is present, must not specify other resources"));
  if (singleWildcard && withoutSubresource)
    errors.push(
      fieldErrors.invalid(path, resources, "if '*' is present, must not specify other resources without subresources"),
    );
  return errors;
}

/** validateRuleWithOperations (subresources allowed, as for every kind served here). */
export function ruleErrors(rule: RuleWithOperations, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const ops = rule.operations ?? [];
  if (ops.length === 0) errors.push(fieldErrors.required(`${path}.operations`));
  if (ops.length > 1 && hasWildcard(ops))
    errors.push(fieldErrors.invalid(`${path}.operations`, ops, "if '*' is present, must not specify other operations"));
  ops.forEach((operation, index) => {
    if (!operations.includes(operation))
      errors.push(fieldErrors.notSupported(`${path}.operations[${index}]`, operation, operations));
  });
  const groups = rule.apiGroups ?? [];
  if (groups.length === 0) errors.push(fieldErrors.required(`${path}.apiGroups`));
  if (groups.length > 1 && hasWildcard(groups))
    errors.push(
      fieldErrors.invalid(`${path}.apiGroups`, groups, "if '*' is present, must not specify other API groups"),
    );
  const versions = rule.apiVersions ?? [];
  if (versions.length === 0) errors.push(fieldErrors.required(`${path}.apiVersions`));
  if (versions.length > 1 && hasWildcard(versions))
    errors.push(
      fieldErrors.invalid(`${path}.apiVersions`, versions, "if '*' is present, must not specify other API versions"),
    );
  versions.forEach((version, index) => {
    if (version === "") errors.push(fieldErrors.required(`${path}.apiVersions[${index}]`));
  });
  errors.push(...resourcesErrors(rule.resources ?? [], `${path}.resources`));
  if (typeof rule.scope === "string" && !scopes.includes(rule.scope))
    errors.push(fieldErrors.notSupported(`${path}.scope`, rule.scope, scopes));
  return errors;
}

/** validateNamedRuleWithOperations: path-segment resource names, each once, then the rule. */
export function namedRuleErrors(rule: RuleWithOperations, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  (rule.resourceNames ?? []).forEach((name, index) => {
    const at = `${path}.resourceNames[${index}]`;
    for (const message of pathSegmentNameErrors(name)) errors.push(fieldErrors.invalid(at, name, message));
    if (seen.has(name)) errors.push(fieldErrors.duplicate(at, name));
    seen.add(name);
  });
  return [...errors, ...ruleErrors(rule, path)];
}

/**
 * validateMatchConditions without compiling the CEL expressions: at most 64, each with an
 * expression and a qualified name, names unique.
 */
export function matchConditionsErrors(
  conditions: readonly ({ name?: string; expression?: string } | null)[] | null | undefined,
  path: string,
): FieldError[] {
  const list = conditions ?? [];
  const errors: FieldError[] = [];
  if (list.length > 64) errors.push(fieldErrors.tooMany(path, list.length, 64));
  const names = new Set<string>();
  list.forEach((condition, index) => {
    const at = `${path}[${index}]`;
    const name = condition?.name ?? "";
    if (!(condition?.expression ?? "").trim()) errors.push(fieldErrors.required(`${at}.expression`));
    if (!name) errors.push(fieldErrors.required(`${at}.name`));
    else for (const message of qualifiedNameErrors(name)) errors.push(fieldErrors.invalid(`${at}.name`, name, message));
    if (name && names.has(name)) errors.push(fieldErrors.duplicate(`${at}.name`, name));
    if (name) names.add(name);
  });
  return errors;
}
