/**
 * ValidatingAdmissionWebhook: every matching webhook called at once with the final object; the
 * first failure to arrive fails the request, the others are dropped, as the dispatcher's error
 * channel does.
 */
import { StatusError } from "../errors/status.js";
import type { AdmissionAttributes, AdmissionOutcome, ValidatingAdmission } from "./attributes.js";
import { configuredWebhooks, isExemptFromWebhooks } from "./webhook_configurations.js";
import { callInvocation, CallingWebhookError, rejection, type WebhookDependencies } from "./webhook_call.js";
import { shouldCallWebhook, type WebhookInvocation } from "./webhook_matching.js";
import { convertAttributes } from "./versions.js";

export class ValidatingWebhooks implements ValidatingAdmission {
  readonly #dependencies: WebhookDependencies;

  constructor(dependencies: WebhookDependencies) {
    this.#dependencies = dependencies;
  }

  async validate(attributes: AdmissionAttributes): Promise<AdmissionOutcome> {
    if (isExemptFromWebhooks(attributes.type)) return { warnings: [] };
    const matching = { ...this.#dependencies, convert: convertAttributes };
    const candidates = configuredWebhooks(this.#dependencies.store, "validating");
    const invocations = (
      await Promise.all(candidates.map((webhook) => shouldCallWebhook(webhook, attributes, matching)))
    ).filter((invocation): invocation is WebhookInvocation => invocation !== undefined);
    const warnings: string[] = [];
    const failures: unknown[] = [];
    await Promise.all(
      invocations.map((invocation) =>
        this.#call(invocation, attributes, warnings).catch((error: unknown) => void failures.push(error)),
      ),
    );
    const [first] = failures;
    if (first === undefined) return { warnings };
    if (first instanceof StatusError) first.warnings = [...warnings, ...first.warnings];
    throw first;
  }

  async #call(invocation: WebhookInvocation, attributes: AdmissionAttributes, warnings: string[]): Promise<void> {
    const { spec } = invocation.webhook;
    const versioned =
      invocation.type === attributes.type ? attributes : await convertAttributes(attributes, invocation.type);
    try {
      const response = await callInvocation(invocation, versioned, false, this.#dependencies);
      warnings.push(...response.warnings);
      if (!response.allowed) throw rejection(spec.name, response.result);
    } catch (error) {
      if (!(error instanceof CallingWebhookError)) throw error;
      if (spec.failurePolicy === "Ignore") return;
      throw error.toStatusError();
    }
  }
}
