/**
 * admissionregistration.k8s.io/v1 MutatingWebhookConfiguration and
 * ValidatingWebhookConfiguration, typed, with the fields controller-gen's webhook generator
 * writes: the values webhook assembly produces and the YAML stage writes to
 * `config/webhook/manifests.yaml`.
 */

/** Where the API server reaches the webhook: a Service in the cluster, or a URL. */
export interface WebhookClientConfig {
  service?: { name: string; namespace: string; path?: string; port?: number };
  url?: string;
}

/** Which requests the webhook receives. */
export interface RuleWithOperations {
  apiGroups?: string[];
  apiVersions?: string[];
  operations?: string[];
  resources?: string[];
}

/** One validating webhook. */
export interface ValidatingWebhook {
  name: string;
  clientConfig: WebhookClientConfig;
  rules: RuleWithOperations[];
  failurePolicy: string;
  matchPolicy?: "Exact" | "Equivalent";
  sideEffects: string;
  timeoutSeconds?: number;
  admissionReviewVersions: string[];
}

/** One mutating webhook: a validating one that may also ask to be called again. */
export interface MutatingWebhook extends ValidatingWebhook {
  reinvocationPolicy?: "Never" | "IfNeeded";
}

/** The configuration object of the mutating webhooks. */
export interface MutatingWebhookConfiguration {
  apiVersion: "admissionregistration.k8s.io/v1";
  kind: "MutatingWebhookConfiguration";
  metadata: { name: string };
  webhooks: MutatingWebhook[];
}

/** The configuration object of the validating webhooks. */
export interface ValidatingWebhookConfiguration {
  apiVersion: "admissionregistration.k8s.io/v1";
  kind: "ValidatingWebhookConfiguration";
  metadata: { name: string };
  webhooks: ValidatingWebhook[];
}

/** Either configuration the generator writes. */
export type WebhookConfiguration = MutatingWebhookConfiguration | ValidatingWebhookConfiguration;
