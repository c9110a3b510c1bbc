/** MatchResources of admission policies and bindings: SetDefaults_MatchResources and validateMatchResources. */
import type { LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateLabelSelector } from "../../validation/label_selector.js";
import { defaultRule, matchPolicies, namedRuleErrors, type RuleWithOperations } from "./rules.js";

export interface MatchResources {
  matchPolicy?: string | null;
  namespaceSelector?: unknown;
  objectSelector?: unknown;
  resourceRules?: (RuleWithOperations | null)[] | null;
  excludeResourceRules?: (RuleWithOperations | null)[] | null;
}

export function defaultMatchResources(match: MatchResources | null | undefined): void {
  if (!match || typeof match !== "object") return;
  match.matchPolicy ??= "Equivalent";
  match.namespaceSelector ??= {};
  match.objectSelector ??= {};
  for (const rule of [...(match.resourceRules ?? []), ...(match.excludeResourceRules ?? [])])
    if (rule) defaultRule(rule);
}

/** validateMatchResources. */
export function matchResourcesErrors(match: MatchResources | null | undefined, path: string): FieldError[] {
  if (!match) return [];
  const errors: FieldError[] = [];
  if (match.matchPolicy === undefined || match.matchPolicy === null)
    errors.push(fieldErrors.required(`${path}.matchPolicy`));
  else if (!matchPolicies.includes(match.matchPolicy))
    errors.push(fieldErrors.notSupported(`${path}.matchPolicy`, match.matchPolicy, matchPolicies));
  if (match.namespaceSelector === undefined || match.namespaceSelector === null)
    errors.push(fieldErrors.required(`${path}.namespaceSelector`));
  else errors.push(...validateLabelSelector(match.namespaceSelector as LabelSelector, `${path}.namespaceSelector`));
  if (match.objectSelector === undefined || match.objectSelector === null)
    errors.push(fieldErrors.required(`${path}.objectSelector`));
  else errors.push(...validateLabelSelector(match.objectSelector as LabelSelector, `${path}.objectSelector`));
  (match.resourceRules ?? []).forEach((rule, index) =>
    errors.push(...namedRuleErrors(rule ?? {}, `${path}.resourceRules[${index}]`)),
  );
  (match.excludeResourceRules ?? []).forEach((rule, index) =>
    errors.push(...namedRuleErrors(rule ?? {}, `${path}.excludeResourceRules[${index}]`)),
  );
  return errors;
}
