/**
 * The machine reconciler: reads the machine and its namespace's switches, asks
 * {@link planMachine} what to do, makes those writes, and writes the status when it changed.
 * It decides nothing itself; the rules live in `machine_plan.ts`.
 *
 * Guarantees: never sleeps (waits are `requeueAfter`); writes only through `store`, which the
 * manager backs with its cached client, so reads cost no API request; an object is updated only
 * from the version it was read at (optimistic concurrency: a stale read fails with Conflict and
 * the runtime retries the reconcile).
 * Errors: any failed write is thrown after the writes that succeeded are remembered, so that a
 * retry neither repeats a create nor forgets a flip.
 */
import { noExpectations, settleExpectations, type MachineExpectations } from "./expectations.js";
import { planMachine, type MachineAction, type Target } from "./machine_plan.js";
import { machineStatus, statusChanged } from "./machine_status.js";
import type { MachineView, SwitchView } from "./objects.js";
import type { OperatorSettings } from "./settings.js";
import {
  adoptedBy,
  machineFlippedDown,
  machineSeen,
  machineUnseen,
  newSwitch,
  releasedFrom,
  switchFlippedDown,
  switchSeen,
  switchUnseen,
} from "./switch_writes.js";

/** Names one machine: the reconcile request. */
export interface MachineKey {
  namespace: string;
  name: string;
}

/**
 * The reads and writes the reconciler makes, one method each: the manager's client behind it
 * (`machine_controller.ts`), an in-memory fake in unit tests.
 */
export interface MachineStore {
  /** The machine, or undefined when it no longer exists. */
  getMachine(key: MachineKey): Promise<MachineView | undefined>;
  /**
   * The switches that may concern a machine (from the cache): at least those labelled with its
   * name and those it controls. More is harmless; the plan ignores the rest.
   */
  listSwitches(machine: MachineView): Promise<SwitchView[]>;
  createSwitch(sw: SwitchView): Promise<SwitchView>;
  updateSwitch(sw: SwitchView): Promise<SwitchView>;
  updateSwitchStatus(sw: SwitchView): Promise<SwitchView>;
  /** Deletes a switch; one already gone counts as deleted. */
  deleteSwitch(sw: SwitchView): Promise<void>;
  updateMachine(machine: MachineView): Promise<MachineView>;
  updateMachineStatus(machine: MachineView): Promise<MachineView>;
}

/** Where the reconciler says what it did: the runtime's per-reconcile logger, or a test's. */
export interface MachineLogger {
  info(message: string, fields?: Record<string, unknown>): void;
}

/** What a reconcile gets besides the request (a subset of the runtime's ReconcileContext). */
export interface MachineReconcileContext {
  log?: MachineLogger;
}

const SILENT: MachineLogger = { info: () => {} };

/** Options of {@link MachineReconciler}. */
export interface MachineReconcilerOptions {
  store: MachineStore;
  settings: OperatorSettings;
  /** The time source; tests pass a fake one. */
  clock: { now(): number };
}

const DEFAULT_OPTIONS = { clock: { now: () => Date.now() } } satisfies Partial<MachineReconcilerOptions>;

/** What one reconcile asks of the runtime: look again after this many milliseconds, or not. */
export interface MachineResult {
  requeueAfter?: number;
}

/** Reconciles one Machine and its Switches per call; keeps per-machine memory between calls. */
export class MachineReconciler {
  readonly #options: MachineReconcilerOptions;
  readonly #memory = new Map<string, MachineExpectations>();

  constructor(options: Partial<MachineReconcilerOptions> & Pick<MachineReconcilerOptions, "store" | "settings">) {
    this.#options = { ...DEFAULT_OPTIONS, ...options };
  }

  async reconcile(request: MachineKey, context: MachineReconcileContext = {}): Promise<MachineResult> {
    const { store, settings, clock } = this.#options;
    const log = context.log ?? SILENT;
    const key = `${request.namespace}/${request.name}`;
    const machine = await store.getMachine(request);
    if (!machine || machine.metadata?.deletionTimestamp) {
      // Gone, or going: the garbage collector removes its switches; nothing to write.
      this.#memory.delete(key);
      return {};
    }
    const expectations = this.#memory.get(key) ?? noExpectations();
    this.#memory.set(key, expectations);
    const switches = await store.listSwitches(machine);
    const now = clock.now();
    const plan = planMachine({
      machine,
      switches,
      now,
      settings,
      memory: settleExpectations(expectations, switches, now),
    });

    const run = new ActionRun({ machine, members: plan.members, store, log, expectations, now });
    await run.execute(plan.actions);

    const status = machineStatus(run.machine, run.members(), now);
    if (statusChanged(run.machine.status, status)) {
      await store.updateMachineStatus({ ...run.machine, status });
      log.info("status updated", { switches: status.switches, positions: status.positions });
    }
    return plan.requeueAfterMs === undefined ? {} : { requeueAfter: plan.requeueAfterMs };
  }
}

/**
 * Carries out one plan. Actions on different objects run concurrently; those on one object run in
 * order, each from the version the previous one returned.
 */
interface ActionRunOptions {
  machine: MachineView;
  members: readonly SwitchView[];
  store: MachineStore;
  log: MachineLogger;
  expectations: MachineExpectations;
  now: number;
}

class ActionRun {
  machine: MachineView;
  readonly #latest = new Map<string, SwitchView>();
  readonly #created: SwitchView[] = [];
  readonly #deleted = new Set<string>();
  readonly #store: MachineStore;
  readonly #log: MachineLogger;
  readonly #expectations: MachineExpectations;
  readonly #now: number;

  constructor(options: ActionRunOptions) {
    this.machine = options.machine;
    for (const sw of options.members) this.#latest.set(sw.metadata?.name ?? "", sw);
    this.#store = options.store;
    this.#log = options.log;
    this.#expectations = options.expectations;
    this.#now = options.now;
  }

  /** The machine's switches after the run: members as last written, plus those created. */
  members(): SwitchView[] {
    return [
      ...[...this.#latest.values()].filter((sw) => !this.#deleted.has(sw.metadata?.name ?? "")),
      ...this.#created,
    ];
  }

  async execute(actions: readonly MachineAction[]): Promise<void> {
    const chains = new Map<string, MachineAction[]>();
    actions.forEach((action, index) => {
      const chain = chainOf(action, index);
      chains.set(chain, [...(chains.get(chain) ?? []), action]);
    });
    const outcomes = await Promise.allSettled(
      [...chains.values()].map(async (chain) => {
        for (const action of chain) await this.#apply(action);
      }),
    );
    const failure = outcomes.find((outcome) => outcome.status === "rejected");
    if (failure) throw failure.reason;
  }

  async #apply(action: MachineAction): Promise<void> {
    const store = this.#store;
    const log = this.#log;
    const machine = this.machine;
    switch (action.type) {
      case "create": {
        const created = await store.createSwitch(newSwitch(machine));
        this.#created.push(created);
        this.#expectations.created.push({ switch: created, at: this.#now });
        log.info("switch created", { switch: created.metadata?.name });
        return;
      }
      case "delete":
        await store.deleteSwitch(action.switch);
        this.#deleted.add(action.switch.metadata?.name ?? "");
        this.#expectations.deleted.push({ name: action.switch.metadata?.name ?? "", at: this.#now });
        log.info("switch deleted (scale down)", { switch: action.switch.metadata?.name });
        return;
      case "adopt":
        this.#remember(await store.updateSwitch(adoptedBy(action.switch, machine)));
        log.info("switch adopted (labelled for this machine)", { switch: action.switch.metadata?.name });
        return;
      case "release":
        await store.updateSwitch(releasedFrom(action.switch, machine));
        log.info("switch released (no longer labelled for this machine)", { switch: action.switch.metadata?.name });
        return;
      default:
        await this.#applyToTarget(action, action.target);
    }
  }

  async #applyToTarget(action: MachineAction, target: Target): Promise<void> {
    const store = this.#store;
    const log = this.#log;
    if (target.kind === "machine") {
      if (action.type === "flip") {
        this.machine = await store.updateMachine(machineFlippedDown(this.machine, action.at));
        this.#expectations.lastFlipAt = action.at;
        log.info("machine's own switch flipped down");
      } else if (action.type === "recordSeen") {
        this.machine = await store.updateMachine(machineSeen(this.machine, action.at));
        log.info("machine's own switch seen up");
      } else if (action.type === "clearSeen") this.machine = await store.updateMachine(machineUnseen(this.machine));
      return;
    }
    const name = target.switch.metadata?.name ?? "";
    const current = this.#latest.get(name) ?? target.switch;
    if (action.type === "flip") {
      this.#remember(await store.updateSwitch(switchFlippedDown(current, action.at)));
      this.#expectations.lastFlipAt = action.at;
      log.info("switch flipped down", { switch: name });
    } else if (action.type === "recordSeen") {
      this.#remember(await store.updateSwitchStatus(switchSeen(current, action.at)));
      log.info("switch seen up", { switch: name });
    } else if (action.type === "clearSeen") this.#remember(await store.updateSwitchStatus(switchUnseen(current)));
  }

  #remember(sw: SwitchView): void {
    this.#latest.set(sw.metadata?.name ?? "", sw);
  }
}

/** Actions on the same object share a chain; a create is its own. */
function chainOf(action: MachineAction, index: number): string {
  if (action.type === "create") return `create/${index}`;
  if ("switch" in action) return `switch/${action.switch.metadata?.name}`;
  return action.target.kind === "machine" ? "machine" : `switch/${action.target.switch.metadata?.name}`;
}
