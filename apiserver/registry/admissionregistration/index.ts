/** The admissionregistration.k8s.io/v1 kinds' strategies, by resource. Nothing calls the webhooks or runs the policies yet. */
import type { ResourceStrategy } from "../resource_type.js";
import { validatingAdmissionPolicyStrategy } from "./validatingadmissionpolicies.js";
import { validatingAdmissionPolicyBindingStrategy } from "./validatingadmissionpolicybindings.js";
import { webhookConfigurationStrategy } from "./webhooks.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  validatingwebhookconfigurations: webhookConfigurationStrategy(false),
  mutatingwebhookconfigurations: webhookConfigurationStrategy(true),
  validatingadmissionpolicies: validatingAdmissionPolicyStrategy,
  validatingadmissionpolicybindings: validatingAdmissionPolicyBindingStrategy,
};
