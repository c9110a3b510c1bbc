/**
 * The webhooks of the stored Mutating/ValidatingWebhookConfigurations, as kube-apiserver's
 * configuration managers list them: configurations sorted by name, each one's webhooks in order,
 * every webhook with a uid of its own (configuration name, webhook name, position) that
 * reinvocation bookkeeping keys on. The stored objects were defaulted when written.
 */
import type { LabelSelector } from "../../apimachinery/index.js";
import { objectKey, type Store } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";

export interface WebhookRule {
  operations?: string[];
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  scope?: string;
}

export interface WebhookClientConfig {
  url?: string;
  service?: { namespace?: string; name?: string; path?: string; port?: number };
  caBundle?: string;
}

export interface WebhookSpec {
  name: string;
  clientConfig: WebhookClientConfig;
  rules: WebhookRule[];
  failurePolicy: "Fail" | "Ignore";
  matchPolicy: "Exact" | "Equivalent";
  namespaceSelector: LabelSelector;
  objectSelector: LabelSelector;
  sideEffects: string | undefined;
  timeoutSeconds: number;
  admissionReviewVersions: string[];
  reinvocationPolicy: "Never" | "IfNeeded";
  matchConditions: { name: string; expression: string }[];
}

/** One webhook of one configuration. */
export interface ConfiguredWebhook {
  readonly uid: string;
  readonly configurationName: string;
  readonly spec: WebhookSpec;
}

export type WebhookKind = "mutating" | "validating";

const collections: Record<WebhookKind, string> = {
  mutating: "admissionregistration.k8s.io/mutatingwebhookconfigurations",
  validating: "admissionregistration.k8s.io/validatingwebhookconfigurations",
};

function specOf(raw: Record<string, unknown>): WebhookSpec {
  const hook = raw as Partial<WebhookSpec>;
  return {
    name: hook.name ?? "",
    clientConfig: hook.clientConfig ?? {},
    rules: (hook.rules ?? []).filter(Boolean),
    failurePolicy: hook.failurePolicy === "Ignore" ? "Ignore" : "Fail",
    matchPolicy: hook.matchPolicy === "Exact" ? "Exact" : "Equivalent",
    namespaceSelector: hook.namespaceSelector ?? {},
    objectSelector: hook.objectSelector ?? {},
    sideEffects: hook.sideEffects ?? undefined,
    timeoutSeconds: hook.timeoutSeconds ?? 10,
    admissionReviewVersions: hook.admissionReviewVersions ?? [],
    reinvocationPolicy: hook.reinvocationPolicy === "IfNeeded" ? "IfNeeded" : "Never",
    matchConditions: (hook.matchConditions ?? []).filter(Boolean),
  };
}

/** Every configured webhook of one kind, in the order kube-apiserver calls them. */
export function configuredWebhooks(store: Store, kind: WebhookKind): ConfiguredWebhook[] {
  const configurations = [...store.list(collections[kind])].sort((a, b) =>
    (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1,
  );
  return configurations.flatMap((configuration: KubeObject) => {
    const name = configuration.metadata.name ?? "";
    const hooks = Array.isArray(configuration.webhooks) ? (configuration.webhooks as Record<string, unknown>[]) : [];
    return hooks.map((hook, index) => {
      const spec = specOf(hook ?? {});
      return { uid: `${name}/${spec.name}/${index}`, configurationName: name, spec };
    });
  });
}

const admissionConfigurationKinds = new Set([
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
]);

/**
 * Whether webhooks never see requests for `type`: admission's own configuration (so a webhook
 * cannot lock out its own repair) and kinds that are computed, not stored (reviews).
 */
export function isExemptFromWebhooks(type: { group: string; kind: string; stored?: boolean | undefined }): boolean {
  if (type.stored === false) return true;
  return type.group === "admissionregistration.k8s.io" && admissionConfigurationKinds.has(type.kind);
}

/** The namespace object `name`, for namespace selectors. */
export function storedNamespace(store: Store, name: string): KubeObject | undefined {
  return store.get("/namespaces", objectKey(undefined, name));
}
