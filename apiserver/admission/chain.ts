/**
 * The admission chain of the local server, in kube-apiserver's plugin order: the mutating steps
 * (MutatingAdmissionWebhook) before the kind's own validation, the validating steps
 * (ValidatingAdmissionPolicy, then ValidatingAdmissionWebhook) after it, each step in turn.
 * Warnings earned along the way go out with the answer, and with a denial too.
 */
import { StatusError } from "../errors/status.js";
import type { AdmissionAttributes, MutatingAdmission, ValidatingAdmission } from "./attributes.js";
import { MutatingWebhooks } from "./mutating_webhooks.js";
import { ValidatingWebhooks } from "./validating_webhooks.js";
import { validatingAdmissionPolicies, type PolicyDependencies } from "./policy/index.js";

export class AdmissionChain {
  readonly #mutating: readonly MutatingAdmission[];
  readonly #validating: readonly ValidatingAdmission[];

  constructor(mutating: readonly MutatingAdmission[], validating: readonly ValidatingAdmission[]) {
    this.#mutating = mutating;
    this.#validating = validating;
  }

  /** Runs the mutating steps; `attributes.object` is the admitted object afterwards. */
  async admit(attributes: AdmissionAttributes): Promise<string[]> {
    return runSteps(this.#mutating, (step) => step.admit(attributes));
  }

  /** Runs the validating steps on the object about to be stored (or deleted). */
  async validate(attributes: AdmissionAttributes): Promise<string[]> {
    return runSteps(this.#validating, (step) => step.validate(attributes));
  }
}

async function runSteps<Step>(
  steps: readonly Step[],
  run: (step: Step) => Promise<{ warnings: readonly string[] }>,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const step of steps) {
    try {
      warnings.push(...(await run(step)).warnings);
    } catch (error) {
      if (error instanceof StatusError) error.warnings = [...warnings, ...error.warnings];
      throw error;
    }
  }
  return warnings;
}

/**
 * The chain the server runs: mutating webhooks, then ValidatingAdmissionPolicy, then validating
 * webhooks (kube-apiserver's plugin order), all read from the store at each request.
 */
export function admissionChain(dependencies: PolicyDependencies): AdmissionChain {
  return new AdmissionChain(
    [new MutatingWebhooks(dependencies)],
    [validatingAdmissionPolicies(dependencies), new ValidatingWebhooks(dependencies)],
  );
}
