/**
 * An in-memory {@link MachineStore} with the API server's write rules that matter to the
 * reconciler: generated names, resourceVersion checks (Conflict on a stale write), a status
 * subresource that only status writes change, and a write log to assert on.
 */
import type { MachineKey, MachineStore } from "../machine_reconciler.js";
import type { MachineView, SwitchView } from "../objects.js";

type Stored = MachineView | SwitchView;

/** A failed write, shaped like the runtime's ApiError for the cases used here. */
export class FakeApiError extends Error {
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(`${reason}: ${message}`);
    this.reason = reason;
  }
}

export class FakeStore implements MachineStore {
  readonly machines = new Map<string, MachineView>();
  readonly switches = new Map<string, SwitchView>();
  /** Every write made, as "verb kind name". */
  readonly writes: string[] = [];
  /** Names the cache pretends not to have seen yet (a lagging informer). */
  readonly hiddenFromList = new Set<string>();
  #version = 1;
  #nameCounter = 0;
  now: () => number = () => 0;

  addMachine(machine: MachineView): MachineView {
    const stored = this.#stamp(structuredClone(machine));
    this.machines.set(stored.metadata?.name ?? "", stored);
    return stored;
  }

  addSwitch(sw: SwitchView): SwitchView {
    const stored = this.#stamp(structuredClone(sw));
    this.switches.set(stored.metadata?.name ?? "", stored);
    return stored;
  }

  async getMachine(key: MachineKey): Promise<MachineView | undefined> {
    const found = this.machines.get(key.name);
    return found ? structuredClone(found) : undefined;
  }

  async listSwitches(machine: MachineView): Promise<SwitchView[]> {
    const namespace = machine.metadata?.namespace;
    return [...this.switches.values()]
      .filter((sw) => sw.metadata?.namespace === namespace && !this.hiddenFromList.has(sw.metadata?.name ?? ""))
      .map((sw) => structuredClone(sw));
  }

  async createSwitch(sw: SwitchView): Promise<SwitchView> {
    const name = `${sw.metadata?.generateName ?? ""}${String(this.#nameCounter++).padStart(5, "0")}`;
    const created = this.#stamp({
      ...structuredClone(sw),
      metadata: { ...sw.metadata, name, creationTimestamp: new Date(this.now()).toISOString() },
    });
    this.switches.set(name, created);
    this.writes.push(`create Switch ${name}`);
    return structuredClone(created);
  }

  async updateSwitch(sw: SwitchView): Promise<SwitchView> {
    return this.#write(this.switches, "update Switch", sw, (old, next) => ({ ...next, status: old.status }));
  }

  async updateSwitchStatus(sw: SwitchView): Promise<SwitchView> {
    return this.#write(this.switches, "status Switch", sw, (old, next) => ({ ...old, status: next.status }));
  }

  async deleteSwitch(sw: SwitchView): Promise<void> {
    this.switches.delete(sw.metadata?.name ?? "");
    this.writes.push(`delete Switch ${sw.metadata?.name}`);
  }

  async updateMachine(machine: MachineView): Promise<MachineView> {
    return this.#write(this.machines, "update Machine", machine, (old, next) => {
      const specChanged = JSON.stringify(old.spec) !== JSON.stringify(next.spec);
      const generation = (old.metadata?.generation ?? 1) + (specChanged ? 1 : 0);
      return { ...next, metadata: { ...next.metadata, generation }, status: old.status };
    });
  }

  async updateMachineStatus(machine: MachineView): Promise<MachineView> {
    return this.#write(this.machines, "status Machine", machine, (old, next) => ({ ...old, status: next.status }));
  }

  #write<T extends Stored>(into: Map<string, T>, verb: string, obj: T, merge: (old: T, next: T) => T): T {
    const name = obj.metadata?.name ?? "";
    const old = into.get(name);
    if (!old) throw new FakeApiError("NotFound", `${verb} ${name}`);
    if (old.metadata?.resourceVersion !== obj.metadata?.resourceVersion) {
      throw new FakeApiError("Conflict", `${verb} ${name}: the object has been modified`);
    }
    const stored = this.#stamp(merge(old, structuredClone(obj)));
    into.set(name, stored);
    this.writes.push(`${verb} ${name}`);
    return structuredClone(stored);
  }

  #stamp<T extends Stored>(obj: T): T {
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.#version++) } };
  }
}
