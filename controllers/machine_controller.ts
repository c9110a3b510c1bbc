/**
 * The useless machine's controller. A Machine owns `spec.switches` Switches; whenever a switch
 * (or the machine's own `spec.switchPosition`) is up, the controller flips it back down after
 * `flipDelay`, never more than one per machine every `flipInterval`.
 *
 * How the parts fit: {@link MachineReconciler} reads the machine and its switches, asks the pure
 * planner (`machine_plan.ts`, `flip_plan.ts`, `switch_membership.ts`) what to do, makes those
 * writes (`action_run.ts`, `switch_writes.ts`) and writes the status (`machine_status.ts`) when it
 * changed. It never sleeps: waits are `requeueAfter`. The operator's timing is `settings.ts`.
 *
 * Watches: Machines (`for`); Switches through their controller owner reference (`owns`), and
 * through their `machine` label (`watches` with a map function), so a switch labelled for a
 * machine wakes that machine even before it owns it. Updates that change only status or
 * annotations are filtered out (`event_filter.ts`).
 */
import {
  controllerManagedBy,
  enqueueRequestsFromMapFunc,
  getControllerOf,
  isNotFound,
  realClock,
  type Client,
  type Clock,
  type FieldIndexer,
  type Manager,
  type ReconcileContext,
  type Reconciler,
  type Request,
  type Result,
} from "uselessctl";
import { MACHINE_LABEL, Machine, Switch } from "../api/v1alpha1/index.js";
import { ActionRun } from "./action_run.js";
import { machineEventFilter } from "./event_filter.js";
import { noExpectations, settleExpectations, type MachineExpectations } from "./expectations.js";
import { planMachine } from "./machine_plan.js";
import { machineStatus } from "./machine_status.js";
import type { OperatorSettings } from "./settings.js";
import { machineRequestForSwitch } from "./switch_membership.js";

/** The field index of switches by the uid of their controller owner. */
export const CONTROLLER_UID_INDEX = "metadata.ownerReferences.controller.uid";

/**
 * Registers the field indexes the reconciler lists by: the manager's cache in `setupWithManager`,
 * a FakeClient in unit tests.
 */
export function indexSwitches(indexer: FieldIndexer): void {
  indexer.indexField(Switch, CONTROLLER_UID_INDEX, (sw) => {
    const uid = getControllerOf(sw)?.uid;
    return uid ? [uid] : [];
  });
}

/** What a MachineReconciler needs. */
export interface MachineReconcilerOptions {
  readonly client: Client;
  readonly settings: OperatorSettings;
  /** Machines reconciled at once (never the same machine twice at once); 1 unless given. */
  readonly maxConcurrentReconciles?: number;
  /** The time source; the wall clock unless given. */
  readonly clock?: Clock;
}

/**
 * MachineReconciler reconciles Machine objects and their Switches, one machine per call, and
 * keeps what it expects of each machine between calls (`expectations.ts`).
 *
 * RBAC: exactly the requests it makes. Reads are served by the cache (list, watch); `get` stays
 * for the client's `get`, which an uncached client would send. Status is only ever written whole
 * (`update`).
 *
 * +kubebuilder:rbac:groups=useless.container.training,resources=machines,verbs=get;list;watch;update
 * +kubebuilder:rbac:groups=useless.container.training,resources=machines/status,verbs=update
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches,verbs=get;list;watch;create;update;delete
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches/status,verbs=update
 */
export class MachineReconciler implements Reconciler {
  readonly client: Client;
  readonly settings: OperatorSettings;
  readonly #maxConcurrentReconciles: number;
  readonly #clock: Clock;
  readonly #memory = new Map<string, MachineExpectations>();

  constructor(options: MachineReconcilerOptions) {
    this.client = options.client;
    this.settings = options.settings;
    this.#maxConcurrentReconciles = options.maxConcurrentReconciles ?? 1;
    this.#clock = options.clock ?? realClock;
  }

  /** Brings one machine's switches and status to where the rules want them; says when to look again. */
  async reconcile(req: Request, ctx: ReconcileContext): Promise<Result> {
    const key = `${req.namespace}/${req.name}`;
    const machine = await this.#getMachine(req);
    if (!machine || machine.metadata?.deletionTimestamp) {
      // Gone, or going: the garbage collector removes its switches; nothing to write.
      this.#memory.delete(key);
      return {};
    }
    const expectations = this.#memory.get(key) ?? noExpectations();
    this.#memory.set(key, expectations);
    const switches = await this.#listSwitches(machine);
    const now = this.#clock.now();
    const plan = planMachine({
      machine,
      switches,
      now,
      settings: this.settings,
      memory: settleExpectations(expectations, switches, now),
    });

    const run = new ActionRun({ client: this.client, log: ctx.log, machine, members: plan.members, expectations, now });
    await run.execute(plan.actions);

    const { status, changed } = machineStatus(run.machine, run.members(), now);
    if (changed) {
      await this.client.status().update({ ...run.machine, status });
      ctx.log.info("status updated", { switches: status.switches, positions: status.positions });
    }
    return plan.requeueAfterMs === undefined ? {} : { requeueAfter: plan.requeueAfterMs };
  }

  /** Registers this reconciler with the manager: its index, its watches, and the filter on them. */
  setupWithManager(mgr: Manager): void {
    indexSwitches(mgr.getCache());
    controllerManagedBy(mgr)
      .for(Machine)
      .owns(Switch)
      .watches(Switch, enqueueRequestsFromMapFunc(machineRequestForSwitch))
      .withEventFilter(machineEventFilter)
      .named("machine")
      .withOptions({ maxConcurrentReconciles: this.#maxConcurrentReconciles })
      .complete(this);
  }

  async #getMachine(req: Request): Promise<Machine | undefined> {
    try {
      return await this.client.get(Machine, req);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * The switches that may concern a machine: those labelled with its name, and those it controls
   * whatever their label (to release them). Two indexed cache reads rather than the whole
   * namespace; the plan ignores any other.
   */
  async #listSwitches(machine: Machine): Promise<Switch[]> {
    const namespace = machine.metadata?.namespace ?? "";
    const [labelled, controlled] = await Promise.all([
      this.client.list(Switch, { namespace, matchingLabels: { [MACHINE_LABEL]: machine.metadata?.name ?? "" } }),
      this.client.list(Switch, { namespace, matchingFields: { [CONTROLLER_UID_INDEX]: machine.metadata?.uid ?? "" } }),
    ]);
    const byName = new Map<string, Switch>();
    for (const sw of [...labelled.items, ...controlled.items]) byName.set(sw.metadata?.name ?? "", sw);
    return [...byName.values()];
  }
}
