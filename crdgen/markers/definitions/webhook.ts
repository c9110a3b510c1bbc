/**
 * `+kubebuilder:webhook` (one admission webhook) and `+kubebuilder:webhookconfiguration` (the
 * name of the configuration object holding them), with controller-tools' arguments
 * (pkg/webhook/parser.go: Config and WebhookConfig). Read by `webhook/assemble.ts`; written
 * anywhere in a webhook or controller file's comments, as Go writes them in a package.
 * controller-tools' `patch` argument (a strategic merge patch of the webhook) is not supported.
 */
import type { MarkerDefinition } from "../registry.js";

const list = { kind: "list", item: { kind: "string" } } as const;
const text = { kind: "string" } as const;

/** The webhook-family definitions. */
export const webhookDefinitions: readonly MarkerDefinition[] = [
  {
    name: "kubebuilder:webhook",
    family: "webhook",
    targets: ["package"],
    args: [
      { name: "mutating", type: { kind: "bool" } },
      { name: "failurePolicy", type: text },
      { name: "matchPolicy", type: text, optional: true },
      { name: "sideEffects", type: text, optional: true },
      { name: "timeoutSeconds", type: { kind: "int" }, optional: true },
      { name: "groups", type: list },
      { name: "resources", type: list },
      { name: "verbs", type: list },
      { name: "versions", type: list },
      { name: "name", type: text },
      { name: "serviceName", type: text, optional: true },
      { name: "serviceNamespace", type: text, optional: true },
      { name: "path", type: text, optional: true },
      { name: "servicePort", type: { kind: "int" }, optional: true },
      { name: "webhookVersions", type: list, optional: true },
      { name: "admissionReviewVersions", type: list },
      { name: "reinvocationPolicy", type: text, optional: true },
      { name: "url", type: text, optional: true },
    ],
    help: "specifies how a webhook should be served: one webhook of the Mutating or ValidatingWebhookConfiguration in config/webhook/manifests.yaml.",
  },
  {
    name: "kubebuilder:webhookconfiguration",
    family: "webhook",
    targets: ["package"],
    args: [
      { name: "mutating", type: { kind: "bool" } },
      { name: "name", type: text, optional: true },
    ],
    help: "names the MutatingWebhookConfiguration or ValidatingWebhookConfiguration object the webhooks are written to.",
  },
];
