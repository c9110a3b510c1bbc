/**
 * MutatingAdmissionWebhook: the matching webhooks called one after another, each seeing the
 * object as the previous left it; JSONPatch answers applied. When a webhook changed the object,
 * the webhooks called before it with reinvocationPolicy IfNeeded are called once more, after all
 * (the admission chain's single reinvocation round).
 */
import { StatusError } from "../errors/status.js";
import { jsonEqual } from "../registry/conversion.js";
import { jsonPatch } from "../registry/patch.js";
import type { KubeObject } from "../storage/types.js";
import type { AdmissionAttributes, AdmissionOutcome, MutatingAdmission } from "./attributes.js";
import { configuredWebhooks, isExemptFromWebhooks } from "./webhook_configurations.js";
import {
  callInvocation,
  CallingWebhookError,
  internalStatusError,
  rejection,
  type WebhookDependencies,
} from "./webhook_call.js";
import { shouldCallWebhook, type WebhookInvocation } from "./webhook_matching.js";
import { convertAttributes, convertObject } from "./versions.js";

interface Reinvocation {
  /** Webhooks to call again in the second round. */
  readonly reinvoke: Set<string>;
  /** IfNeeded webhooks called since the object last changed. */
  previouslyInvoked: Set<string>;
  changed: boolean;
}

export class MutatingWebhooks implements MutatingAdmission {
  readonly #dependencies: WebhookDependencies;

  constructor(dependencies: WebhookDependencies) {
    this.#dependencies = dependencies;
  }

  async admit(attributes: AdmissionAttributes): Promise<AdmissionOutcome> {
    if (isExemptFromWebhooks(attributes.type)) return { warnings: [] };
    const webhooks = configuredWebhooks(this.#dependencies.store, "mutating");
    if (!webhooks.length) return { warnings: [] };
    const warnings: string[] = [];
    const state: Reinvocation = { reinvoke: new Set(), previouslyInvoked: new Set(), changed: false };
    try {
      for (const round of [0, 1]) {
        if (round === 1 && !state.changed) break;
        for (const webhook of webhooks) {
          if (round === 1 && !state.reinvoke.has(webhook.uid)) continue;
          const invocation = await shouldCallWebhook(webhook, attributes, this.#matching());
          if (!invocation) continue;
          const changed = await this.#call(invocation, attributes, warnings);
          if (changed) {
            for (const uid of state.previouslyInvoked) state.reinvoke.add(uid);
            state.previouslyInvoked = new Set();
            state.changed = true;
          }
          if (webhook.spec.reinvocationPolicy === "IfNeeded") state.previouslyInvoked.add(webhook.uid);
        }
      }
    } catch (error) {
      if (error instanceof StatusError) error.warnings = [...warnings, ...error.warnings];
      throw error;
    }
    return { warnings };
  }

  #matching() {
    return { ...this.#dependencies, convert: convertAttributes };
  }

  /** Calls one webhook; applies its patch to `attributes.object`; whether that changed it. */
  async #call(invocation: WebhookInvocation, attributes: AdmissionAttributes, warnings: string[]): Promise<boolean> {
    const { spec } = invocation.webhook;
    const versioned =
      invocation.type === attributes.type ? attributes : await convertAttributes(attributes, invocation.type);
    let response;
    try {
      response = await callInvocation(invocation, versioned, true, this.#dependencies);
    } catch (error) {
      if (!(error instanceof CallingWebhookError)) throw error;
      if (spec.failurePolicy === "Ignore") return false;
      throw error.toStatusError();
    }
    warnings.push(...response.warnings);
    if (!response.allowed) throw rejection(spec.name, response.result);
    if (!response.patch?.length) return false;
    let operations: unknown;
    try {
      operations = JSON.parse(response.patch.toString("utf8"));
    } catch (error) {
      return this.#failure(
        spec.name,
        `received undecodable patch in webhook response: ${(error as Error).message}`,
        spec.failurePolicy,
      );
    }
    if (!Array.isArray(operations) || operations.length === 0) return false;
    if (!versioned.object) {
      throw internalStatusError(
        `admission webhook "${spec.name}" attempted to modify the object, which is not supported for this operation`,
      );
    }
    if (response.patchType !== "JSONPatch") {
      return this.#failure(spec.name, `unsupported patch type "${response.patchType}"`, spec.failurePolicy);
    }
    let patched: KubeObject;
    try {
      patched = jsonPatch(versioned.object, operations);
    } catch {
      throw internalStatusError(`the JSON patch of admission webhook "${spec.name}" does not apply to the object`);
    }
    const back = await convertObject(patched, invocation.type, attributes.type);
    if (jsonEqual(back, attributes.object)) return false;
    attributes.object = back;
    return true;
  }

  #failure(webhookName: string, reason: string, policy: string): false {
    if (policy === "Ignore") return false;
    throw new CallingWebhookError(webhookName, reason).toStatusError();
  }
}
