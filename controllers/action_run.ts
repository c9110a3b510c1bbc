/**
 * Carries out one machine plan through the client. Actions on different objects run
 * concurrently; those on one object run in order, each from the version the previous one
 * returned. An object is updated only from the version it was read at (optimistic concurrency: a
 * stale read fails with Conflict and the runtime retries the reconcile).
 *
 * Errors: a failed write is thrown once every other chain has settled, after the writes that
 * succeeded are remembered in the machine's expectations, so that a retry neither repeats a
 * create nor forgets a flip.
 */
import { isNotFound, type Client, type Logger } from "uselessctl";
import type { Machine, Switch } from "../api/v1alpha1/index.js";
import type { MachineExpectations } from "./expectations.js";
import type { MachineAction, Target } from "./machine_plan.js";
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

/** What an {@link ActionRun} works on. */
export interface ActionRunOptions {
  client: Client;
  log: Logger;
  machine: Machine;
  /** The machine's switches as the plan found them. */
  members: readonly Switch[];
  expectations: MachineExpectations;
  now: number;
}

/** One plan's writes, and the machine and switches as they stand after them. */
export class ActionRun {
  /** The machine as last written (or read). */
  machine: Machine;
  readonly #latest = new Map<string, Switch>();
  readonly #created: Switch[] = [];
  readonly #deleted = new Set<string>();
  readonly #client: Client;
  readonly #log: Logger;
  readonly #expectations: MachineExpectations;
  readonly #now: number;

  constructor(options: ActionRunOptions) {
    this.machine = options.machine;
    for (const sw of options.members) this.#latest.set(sw.metadata?.name ?? "", sw);
    this.#client = options.client;
    this.#log = options.log;
    this.#expectations = options.expectations;
    this.#now = options.now;
  }

  /** The machine's switches after the run: members as last written, plus those created. */
  members(): Switch[] {
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
    const client = this.#client;
    const log = this.#log;
    switch (action.type) {
      case "create": {
        const created = await client.create(newSwitch(this.machine));
        this.#created.push(created);
        this.#expectations.created.push({ switch: created, at: this.#now });
        log.info("switch created", { switch: created.metadata?.name });
        return;
      }
      case "delete":
        try {
          await client.delete(action.switch);
        } catch (error) {
          // Already gone counts as deleted.
          if (!isNotFound(error)) throw error;
        }
        this.#deleted.add(action.switch.metadata?.name ?? "");
        this.#expectations.deleted.push({ name: action.switch.metadata?.name ?? "", at: this.#now });
        log.info("switch deleted (scale down)", { switch: action.switch.metadata?.name });
        return;
      case "adopt":
        this.#remember(await client.update(adoptedBy(action.switch, this.machine)));
        log.info("switch adopted (labelled for this machine)", { switch: action.switch.metadata?.name });
        return;
      case "release":
        await client.update(releasedFrom(action.switch, this.machine));
        log.info("switch released (no longer labelled for this machine)", { switch: action.switch.metadata?.name });
        return;
      default:
        await this.#applyToTarget(action, action.target);
    }
  }

  async #applyToTarget(action: MachineAction, target: Target): Promise<void> {
    const client = this.#client;
    const log = this.#log;
    if (target.kind === "machine") {
      if (action.type === "flip") {
        this.machine = await client.update(machineFlippedDown(this.machine, action.at));
        this.#expectations.lastFlipAt = action.at;
        log.info("machine's own switch flipped down");
      } else if (action.type === "recordSeen") {
        this.machine = await client.update(machineSeen(this.machine, action.at));
        log.info("machine's own switch seen up");
      } else if (action.type === "clearSeen") this.machine = await client.update(machineUnseen(this.machine));
      return;
    }
    const name = target.switch.metadata?.name ?? "";
    const current = this.#latest.get(name) ?? target.switch;
    if (action.type === "flip") {
      this.#remember(await client.update(switchFlippedDown(current, action.at)));
      this.#expectations.lastFlipAt = action.at;
      log.info("switch flipped down", { switch: name });
    } else if (action.type === "recordSeen") {
      this.#remember(await client.status().update(switchSeen(current, action.at)));
      log.info("switch seen up", { switch: name });
    } else if (action.type === "clearSeen") this.#remember(await client.status().update(switchUnseen(current)));
  }

  #remember(sw: Switch): void {
    this.#latest.set(sw.metadata?.name ?? "", sw);
  }
}

/** Actions on the same object share a chain; a create is its own. */
function chainOf(action: MachineAction, index: number): string {
  if (action.type === "create") return `create/${index}`;
  if ("switch" in action) return `switch/${action.switch.metadata?.name}`;
  return action.target.kind === "machine" ? "machine" : `switch/${action.target.switch.metadata?.name}`;
}
