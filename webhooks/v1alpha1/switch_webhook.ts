/**
 * The Switch's validating webhook: a switch's `machine` label should name a Machine that exists
 * in its namespace. A switch labelled for a machine that does not exist (yet) is admitted, as
 * the machine may come later and adopt it, but the client is warned.
 */
import {
  isNotFound,
  webhookManagedBy,
  type AdmissionContext,
  type CustomValidator,
  type Manager,
  type Reader,
  type Warnings,
} from "uselessctl";
import { Machine, MACHINE_LABEL, Switch } from "../../api/v1alpha1/index.js";

/** The hooks setupSwitchWebhookWithManager registers; the defaults when left out (tests pass their own). */
export interface SwitchWebhookHooks {
  readonly validator?: CustomValidator<Switch>;
}

/** Registers the webhooks of Switch with the manager's webhook server; the validator reads Machines through the manager's client. */
export function setupSwitchWebhookWithManager(mgr: Manager, hooks: SwitchWebhookHooks = {}): void {
  webhookManagedBy(mgr)
    .for(Switch)
    .withValidator(hooks.validator ?? new SwitchCustomValidator({ reader: mgr.getClient() }))
    .complete();
}

/** What a SwitchCustomValidator reads Machines with. */
export interface SwitchValidatorOptions {
  readonly reader: Reader;
}

/**
 * SwitchCustomValidator warns when a Switch, created or updated, is labelled for a Machine that
 * does not exist in its namespace.
 *
 * +kubebuilder:webhook:path=/validate-useless-container-training-v1alpha1-switch,mutating=false,failurePolicy=fail,sideEffects=None,groups=useless.container.training,resources=switches,verbs=create;update,versions=v1alpha1,name=vswitch-v1alpha1.kb.io,admissionReviewVersions=v1
 */
export class SwitchCustomValidator implements CustomValidator<Switch> {
  readonly #reader: Reader;

  constructor(options: SwitchValidatorOptions) {
    this.#reader = options.reader;
  }

  validateCreate(_ctx: AdmissionContext, obj: Switch): Promise<Warnings | undefined> {
    return this.#machineWarnings(obj);
  }

  validateUpdate(_ctx: AdmissionContext, _oldObj: Switch, newObj: Switch): Promise<Warnings | undefined> {
    return this.#machineWarnings(newObj);
  }

  async validateDelete(): Promise<Warnings | undefined> {
    return undefined;
  }

  async #machineWarnings(sw: Switch): Promise<Warnings | undefined> {
    const machine = sw.metadata?.labels?.[MACHINE_LABEL];
    if (machine === undefined) return undefined;
    const namespace = sw.metadata?.namespace ?? "";
    try {
      await this.#reader.get(Machine, { namespace, name: machine });
      return undefined;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      return [
        `label ${MACHINE_LABEL}=${machine}: no Machine "${machine}" in namespace "${namespace}"; the switch belongs to no machine until one is created`,
      ];
    }
  }
}
