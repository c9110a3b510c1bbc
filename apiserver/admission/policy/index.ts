/**
 * ValidatingAdmissionPolicy enforcement (k8s.io/apiserver/pkg/admission/plugin/policy/validating):
 * for each policy with bindings, the request is matched against its matchConstraints, each binding's
 * matchResources, params are collected, and the policy's expressions are evaluated; the
 * binding's validationActions turn failures into a denial (the first one found), warnings, or
 * audit entries (not recorded: there is no audit log). Policies and bindings are read from the
 * store on every request, so a change applies to the next request.
 */
import { StatusError, qualifiedResource, type GroupResource } from "../../errors/status.js";
import type { ResourceRegistry } from "../../registry/registry.js";
import { collectionOf, type ResourceType } from "../../registry/resource_type.js";
import type { Store } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import type { AdmissionAttributes, AdmissionOutcome, ValidatingAdmission } from "../attributes.js";
import { storedNamespace } from "../webhook_configurations.js";
import { convertAttributes } from "../versions.js";
import { activationFor } from "./activation.js";
import type { Authorize } from "./cel.js";
import { matchCriteria, type MatchingContext } from "./matching.js";
import { collectParams, type ParamRef } from "./params.js";
import { validatePolicy, type PolicyDecision, type PolicySpec } from "./validator.js";
import type { MatchResources } from "../../registry/admissionregistration/match_resources.js";

export type { Authorize } from "./cel.js";

const group = "admissionregistration.k8s.io";
const policies = collectionOf(group, "validatingadmissionpolicies");
const bindings = collectionOf(group, "validatingadmissionpolicybindings");

/** Admission policy resources are never matched by API policies (no circular dependency). */
const admissionPolicyResources = new Set([
  "validatingadmissionpolicies",
  "validatingadmissionpolicybindings",
  "mutatingadmissionpolicies",
  "mutatingadmissionpolicybindings",
]);

export interface PolicyDependencies {
  readonly store: Store;
  /** The served types: paramKind's, and the other versions matchPolicy Equivalent matches. */
  readonly registry: ResourceRegistry;
  /**
   * The `authorizer` variable's checks; without one, every check is allowed, as this server
   * authorizes every authenticated request.
   */
  readonly authorize?: Authorize | undefined;
}

interface BindingSpec {
  policyName?: string;
  paramRef?: ParamRef | null;
  matchResources?: MatchResources | null;
  validationActions?: string[] | null;
}

interface Denial extends PolicyDecision {
  readonly policy: string;
  readonly binding: string | undefined;
}

function specOf<T>(object: KubeObject): T {
  return (object.spec !== null && typeof object.spec === "object" ? object.spec : {}) as T;
}

function nameOf(object: KubeObject): string {
  return object.metadata.name ?? "";
}

function byName(a: KubeObject, b: KubeObject): number {
  return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
}

/** extractResourceName: the request's name, else the object's name or generateName, else "Unknown". */
function requestName(attributes: AdmissionAttributes): string {
  if (attributes.name) return attributes.name;
  const metadata = attributes.object?.metadata;
  return metadata?.name || metadata?.generateName || "Unknown";
}

/** The Status of the first denial: admission.NewForbidden with the decision's reason and its code. */
function denialError(attributes: AdmissionAttributes, denial: Denial): StatusError {
  const message = denial.binding
    ? `ValidatingAdmissionPolicy '${denial.policy}' with binding '${denial.binding}' denied request: ${denial.message}`
    : `ValidatingAdmissionPolicy '${denial.policy}' denied request: ${denial.message}`;
  const resource: GroupResource = { group: attributes.type.group, resource: attributes.type.resource };
  const name = requestName(attributes);
  const reason = denial.reason || "Invalid";
  const code = { Forbidden: 403, Unauthorized: 401, RequestEntityTooLarge: 413 }[reason] ?? 422;
  return new StatusError(code, reason, `${qualifiedResource(resource)} "${name}" is forbidden: ${message}`, {
    name,
    ...(resource.group ? { group: resource.group } : {}),
    kind: resource.resource,
    causes: [{ message }],
  });
}

/** The one ValidatingAdmission of every ValidatingAdmissionPolicy in the store. */
export function validatingAdmissionPolicies(dependencies: PolicyDependencies): ValidatingAdmission {
  const authorize: Authorize = dependencies.authorize ?? (() => ({ allowed: true, reason: "" }));
  return {
    validate(attributes: AdmissionAttributes): Promise<AdmissionOutcome> {
      if (attributes.type.stored === false) return Promise.resolve({ warnings: [] });
      if (attributes.type.group === group && admissionPolicyResources.has(attributes.type.resource))
        return Promise.resolve({ warnings: [] });
      return dispatch(dependencies, authorize, attributes);
    },
  };
}

async function dispatch(
  dependencies: PolicyDependencies,
  authorize: Authorize,
  attributes: AdmissionAttributes,
): Promise<AdmissionOutcome> {
  const { store } = dependencies;
  const allBindings = store.list(bindings).sort(byName);
  const denials: Denial[] = [];
  const warnings: string[] = [];
  const context: MatchingContext = { attributes, store, registry: dependencies.registry };
  for (const policy of store.list(policies).sort(byName)) {
    const policyName = nameOf(policy);
    const spec = specOf<PolicySpec>(policy);
    const failOnConfigError = spec.failurePolicy !== "Ignore";
    const configError = (error: unknown, binding: string | undefined) => {
      if (!failOnConfigError) return;
      const what = binding === undefined ? "policy" : "binding";
      const message = `failed to configure ${what}: ${error instanceof Error ? error.message : String(error)}`;
      denials.push({ action: "deny", message, reason: "", policy: policyName, binding });
    };
    const own = allBindings.filter((binding) => specOf<BindingSpec>(binding).policyName === policyName);
    if (own.length === 0) continue;
    let matched: ResourceType | undefined;
    try {
      if (!spec.matchConstraints) throw new Error("policy contained no match constraints, a required field");
      matched = matchCriteria(spec.matchConstraints as MatchResources, context);
    } catch (error) {
      configError(error, undefined);
      continue;
    }
    if (!matched) continue;
    let versioned: AdmissionAttributes | undefined;
    for (const binding of own) {
      const bindingName = nameOf(binding);
      const bindingSpec = specOf<BindingSpec>(binding);
      let params: (KubeObject | null)[];
      try {
        if (bindingSpec.matchResources && !matchCriteria(bindingSpec.matchResources, context)) continue;
        params = await collectParams(
          store,
          dependencies.registry,
          spec.paramKind,
          bindingSpec.paramRef,
          attributes.namespace ?? "",
        );
      } catch (error) {
        configError(error, bindingName);
        continue;
      }
      const isNamespace = attributes.type.group === "" && attributes.type.kind === "Namespace";
      const namespaceName = isNamespace ? "" : (attributes.namespace ?? "");
      const namespace = namespaceName ? storedNamespace(store, namespaceName) : undefined;
      for (const param of params) {
        versioned ??= matched === attributes.type ? attributes : await convertAttributes(attributes, matched);
        const activation = activationFor({ attributes, versioned, matched, param, namespace, authorize });
        for (const decision of validatePolicy(spec, activation)) {
          if (decision.action !== "deny") continue;
          const denial = { ...decision, policy: policyName, binding: bindingName };
          if (decision.fromAuditAnnotation) {
            denials.push(denial);
            continue;
          }
          const actions = bindingSpec.validationActions ?? [];
          if (actions.includes("Deny")) denials.push(denial);
          if (actions.includes("Warn"))
            warnings.push(
              `Validation failed for ValidatingAdmissionPolicy '${policyName}' with binding '${bindingName}': ${decision.message}`,
            );
        }
      }
    }
  }
  const first = denials[0];
  if (first) {
    const error = denialError(attributes, first);
    error.warnings = warnings;
    throw error;
  }
  return { warnings };
}
