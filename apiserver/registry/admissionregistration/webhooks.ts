/**
 * Validating and mutating webhook configurations (pkg/registry/admissionregistration/
 * {validating,mutating}webhookconfiguration): defaults of SetDefaults_{Validating,Mutating}Webhook,
 * each webhook checked as validateValidatingWebhook / validateMutatingWebhook, with the update
 * rules that let stored configurations keep what was valid when they were made.
 */
import { dns1035LabelErrors, dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import type { LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateLabelSelector } from "../../validation/label_selector.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import {
  defaultRule,
  failurePolicies,
  matchConditionsErrors,
  matchPolicies,
  ruleErrors,
  type RuleWithOperations,
} from "./rules.js";
import { clientConfigErrors, defaultClientConfig, type ClientConfig } from "./webhook_client_config.js";

interface Webhook {
  name?: string;
  clientConfig?: ClientConfig | null;
  rules?: (RuleWithOperations | null)[] | null;
  failurePolicy?: string | null;
  matchPolicy?: string | null;
  namespaceSelector?: unknown;
  objectSelector?: unknown;
  sideEffects?: string | null;
  timeoutSeconds?: number | null;
  admissionReviewVersions?: string[] | null;
  reinvocationPolicy?: string | null;
  matchConditions?: ({ name?: string; expression?: string } | null)[] | null;
}

function webhooksOf(object: KubeObject): Webhook[] {
  return Array.isArray(object.webhooks) ? (object.webhooks as (Webhook | null)[]).map((hook) => hook ?? {}) : [];
}

function defaultWebhook(hook: Webhook, mutating: boolean): void {
  hook.failurePolicy ??= "Fail";
  hook.matchPolicy ??= "Equivalent";
  hook.namespaceSelector ??= {};
  hook.objectSelector ??= {};
  hook.timeoutSeconds ??= 10;
  if (mutating) hook.reinvocationPolicy ??= "Never";
  for (const rule of hook.rules ?? []) if (rule) defaultRule(rule);
  defaultClientConfig(hook.clientConfig);
}

const acceptedReviewVersions = ["v1", "v1beta1"];
const allSideEffects = ["None", "NoneOnDryRun", "Some", "Unknown"];
const noSideEffects = ["None", "NoneOnDryRun"];
const reinvocationPolicies = ["IfNeeded", "Never"];

/** The options ValidateXWebhookConfiguration(Update) relaxes for what the stored object already did. */
interface Options {
  requireNoSideEffects: boolean;
  requireRecognizedReviewVersion: boolean;
  requireUniqueNames: boolean;
  ignoreMatchConditions: boolean;
}

const strict: Options = {
  requireNoSideEffects: true,
  requireRecognizedReviewVersion: true,
  requireUniqueNames: true,
  ignoreMatchConditions: false,
};

/** utilvalidation.IsFullyQualifiedName. */
function fullyQualifiedNameErrors(name: string, path: string): FieldError[] {
  if (!name) return [fieldErrors.required(path)];
  const errors = dns1123SubdomainErrors(name);
  if (errors.length) return [fieldErrors.invalid(path, name, errors.join(","))];
  if (name.split(".").length < 3)
    return [fieldErrors.invalid(path, name, "should be a domain with at least three segments separated by dots")];
  return [];
}

function webhookErrors(hook: Webhook, mutating: boolean, options: Options, path: string): FieldError[] {
  const errors = fullyQualifiedNameErrors(hook.name ?? "", `${path}.name`);
  (hook.rules ?? []).forEach((rule, index) => errors.push(...ruleErrors(rule ?? {}, `${path}.rules[${index}]`)));
  if (typeof hook.failurePolicy === "string" && !failurePolicies.includes(hook.failurePolicy))
    errors.push(fieldErrors.notSupported(`${path}.failurePolicy`, hook.failurePolicy, ["Fail", "Ignore"]));
  if (typeof hook.matchPolicy === "string" && !matchPolicies.includes(hook.matchPolicy))
    errors.push(fieldErrors.notSupported(`${path}.matchPolicy`, hook.matchPolicy, matchPolicies));
  const allowed = options.requireNoSideEffects ? noSideEffects : allSideEffects;
  if (hook.sideEffects === undefined || hook.sideEffects === null)
    errors.push(fieldErrors.required(`${path}.sideEffects`, `must specify one of ${allowed.join(", ")}`));
  else if (!allowed.includes(hook.sideEffects))
    errors.push(fieldErrors.notSupported(`${path}.sideEffects`, hook.sideEffects, allowed));
  const timeout = hook.timeoutSeconds;
  if (typeof timeout === "number" && (timeout > 30 || timeout < 1))
    errors.push(
      fieldErrors.invalid(`${path}.timeoutSeconds`, timeout, "the timeout value must be between 1 and 30 seconds"),
    );
  errors.push(
    ...validateLabelSelector(hook.namespaceSelector as LabelSelector | undefined, `${path}.namespaceSelector`),
  );
  errors.push(...validateLabelSelector(hook.objectSelector as LabelSelector | undefined, `${path}.objectSelector`));
  if (
    mutating &&
    typeof hook.reinvocationPolicy === "string" &&
    !reinvocationPolicies.includes(hook.reinvocationPolicy)
  )
    errors.push(fieldErrors.notSupported(`${path}.reinvocationPolicy`, hook.reinvocationPolicy, reinvocationPolicies));
  errors.push(...clientConfigErrors(hook.clientConfig, `${path}.clientConfig`));
  if (!options.ignoreMatchConditions)
    errors.push(...matchConditionsErrors(hook.matchConditions, `${path}.matchConditions`));
  return errors;
}

/**
 * validateAdmissionReviewVersions, and the CRD's validateConversionReviewVersions, which words a
 * missing list with no detail.
 */
export function reviewVersionsErrors(
  versions: readonly string[],
  requireRecognized: boolean,
  path: string,
  missingDetail = `must specify one of ${acceptedReviewVersions.join(", ")}`,
): FieldError[] {
  if (versions.length < 1) return [fieldErrors.required(path, missingDetail)];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((version, index) => {
    if (seen.has(version)) {
      errors.push(fieldErrors.invalid(`${path}[${index}]`, version, "duplicate version"));
      return;
    }
    seen.add(version);
    for (const message of dns1035LabelErrors(version))
      errors.push(fieldErrors.invalid(`${path}[${index}]`, version, message));
  });
  if (requireRecognized && !versions.some((version) => acceptedReviewVersions.includes(version)))
    errors.push(
      fieldErrors.invalid(path, versions, `must include at least one of ${acceptedReviewVersions.join(", ")}`),
    );
  return errors;
}

function configurationErrors(object: KubeObject, mutating: boolean, options: Options): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  webhooksOf(object).forEach((hook, index) => {
    const path = `webhooks[${index}]`;
    errors.push(...webhookErrors(hook, mutating, options, path));
    errors.push(
      ...reviewVersionsErrors(
        hook.admissionReviewVersions ?? [],
        options.requireRecognizedReviewVersion,
        `${path}.admissionReviewVersions`,
      ),
    );
    const name = hook.name ?? "";
    if (options.requireUniqueNames && name) {
      if (names.has(name)) errors.push(fieldErrors.duplicate(`${path}.name`, name));
      else names.add(name);
    }
  });
  return errors;
}

/** What ValidateXWebhookConfigurationUpdate keeps strict only where every stored webhook already complied. */
function updateOptions(object: KubeObject, old: KubeObject): Options {
  const oldHooks = webhooksOf(old);
  const oldNames = oldHooks.map((hook) => hook.name ?? "");
  const conditionsOf = (hooks: Webhook[]) => JSON.stringify(hooks.map((hook) => hook.matchConditions ?? []));
  return {
    requireNoSideEffects: oldHooks.every((hook) => noSideEffects.includes(hook.sideEffects ?? "")),
    requireRecognizedReviewVersion: oldHooks.every((hook) =>
      (hook.admissionReviewVersions ?? []).some((version) => acceptedReviewVersions.includes(version)),
    ),
    requireUniqueNames: new Set(oldNames).size === oldNames.length,
    ignoreMatchConditions: conditionsOf(webhooksOf(object)) === conditionsOf(oldHooks),
  };
}

/** The strategy of ValidatingWebhookConfigurations or (`mutating`) MutatingWebhookConfigurations. */
export function webhookConfigurationStrategy(mutating: boolean): ResourceStrategy {
  return {
    allowUnconditionalUpdate: false,
    normalize(object) {
      for (const hook of webhooksOf(object)) defaultWebhook(hook, mutating);
      return [];
    },
    validate: (object, old) => configurationErrors(object, mutating, old ? updateOptions(object, old) : strict),
    prepareForCreate(object) {
      object.metadata.generation = 1;
    },
    specChanged: (object, old) => JSON.stringify(object.webhooks ?? null) !== JSON.stringify(old.webhooks ?? null),
    columns: [
      nameColumn,
      column("Webhooks", columnDescriptions.WebhookConfiguration.Webhooks, (o) => webhooksOf(o).length, {
        type: "integer",
      }),
      ageColumn,
    ],
  };
}
