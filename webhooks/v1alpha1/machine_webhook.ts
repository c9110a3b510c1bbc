/**
 * The Machine's validating webhook: a machine may not have more switches than the operator
 * allows (`--max-switches`), a rule the CRD's schema cannot say because the limit is the
 * operator's setting, not the API's.
 */
import {
  fieldError,
  invalid,
  webhookManagedBy,
  type AdmissionContext,
  type CustomValidator,
  type Manager,
  type Warnings,
} from "uselessctl";
import { Machine } from "../../api/v1alpha1/index.js";

/** The most switches a Machine may have when the operator is not told otherwise. */
export const DEFAULT_MAX_SWITCHES = 10;

/** The hooks setupMachineWebhookWithManager registers; the defaults when left out (tests pass their own). */
export interface MachineWebhookHooks {
  readonly validator?: CustomValidator<Machine>;
}

/** Registers the webhooks of Machine with the manager's webhook server. */
export function setupMachineWebhookWithManager(mgr: Manager, hooks: MachineWebhookHooks = {}): void {
  webhookManagedBy(mgr)
    .for(Machine)
    .withValidator(hooks.validator ?? new MachineCustomValidator())
    .complete();
}

/** What a MachineCustomValidator enforces. */
export interface MachineValidatorOptions {
  /** The most switches a machine may have; {@link DEFAULT_MAX_SWITCHES} when left out. */
  readonly maxSwitches?: number | undefined;
}

/**
 * MachineCustomValidator refuses a Machine, created or updated, whose `spec.switches` is above
 * the limit, with the API server's Invalid status naming the field.
 *
 * +kubebuilder:webhook:path=/validate-useless-container-training-v1alpha1-machine,mutating=false,failurePolicy=fail,sideEffects=None,groups=useless.container.training,resources=machines,verbs=create;update,versions=v1alpha1,name=vmachine-v1alpha1.kb.io,admissionReviewVersions=v1
 */
export class MachineCustomValidator implements CustomValidator<Machine> {
  readonly maxSwitches: number;

  constructor(options: MachineValidatorOptions = {}) {
    this.maxSwitches = options.maxSwitches ?? DEFAULT_MAX_SWITCHES;
  }

  async validateCreate(_ctx: AdmissionContext, obj: Machine): Promise<Warnings | undefined> {
    this.#checkSwitches(obj);
    return undefined;
  }

  async validateUpdate(_ctx: AdmissionContext, _oldObj: Machine, newObj: Machine): Promise<Warnings | undefined> {
    this.#checkSwitches(newObj);
    return undefined;
  }

  async validateDelete(): Promise<Warnings | undefined> {
    return undefined;
  }

  #checkSwitches(machine: Machine): void {
    const switches = machine.spec?.switches;
    if (switches === undefined || switches <= this.maxSwitches) return;
    throw invalid({ group: Machine.group, kind: Machine.kind }, machine.metadata?.name ?? "", [
      fieldError.invalid(
        "spec.switches",
        switches,
        `must be at most ${this.maxSwitches}, the most switches this operator allows (--max-switches)`,
      ),
    ]);
  }
}
