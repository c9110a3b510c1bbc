/**
 * The machine controller's registration with the manager: what it watches and the client its
 * reconciler reads and writes through. The reconciler is `machine_reconciler.ts`; the rules it
 * follows are `machine_plan.ts`.
 *
 * Watches: Machines (`for`); Switches through their controller owner reference (`owns`), and
 * through their `machine` label (`watches` with a map function), so a switch labelled for a
 * machine wakes that machine even before it owns it. Updates that change only status or
 * annotations are filtered out (`event_filter.ts`).
 *
 * RBAC: exactly the requests the controller makes. Reads are served by the cache (list, watch);
 * `get` stays for the client's `get`, which an uncached client would send. Status is only ever
 * written whole (`update`).
 *
 * +kubebuilder:rbac:groups=useless.container.training,resources=machines,verbs=get;list;watch;update
 * +kubebuilder:rbac:groups=useless.container.training,resources=machines/status,verbs=update
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches,verbs=get;list;watch;create;update;delete
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches/status,verbs=update
 */
import { controllerManagedBy, enqueueRequestsFromMapFunc, isNotFound, type Client, type Manager } from "uselessctl";
import { Machine, Switch } from "../api/v1alpha1/index.js";
import { machineEventFilter } from "./event_filter.js";
import { MachineReconciler, type MachineStore } from "./machine_reconciler.js";
import { MACHINE_LABEL, controllerOf, type SwitchView } from "./objects.js";
import type { OperatorSettings } from "./settings.js";
import { machineRequestForSwitch } from "./switch_membership.js";

/** The cache index of switches by the uid of their controller owner. */
export const CONTROLLER_UID_INDEX = "metadata.ownerReferences.controller.uid";

/** Options of {@link setupMachineController}. */
export interface MachineControllerOptions {
  settings: OperatorSettings;
  /** Machines reconciled at once (never the same machine twice at once); 1 unless given. */
  maxConcurrentReconciles?: number;
  /** The time source; the wall clock unless given. */
  clock?: { now(): number };
}

/** Registers the machine controller with the manager (kubebuilder's `SetupWithManager`). */
export function setupMachineController(mgr: Manager, options: MachineControllerOptions): void {
  mgr.getCache().indexField(Switch, CONTROLLER_UID_INDEX, (sw) => {
    const uid = controllerOf(sw.metadata)?.uid;
    return uid ? [uid] : [];
  });
  const reconciler = new MachineReconciler({
    store: storeFromClient(mgr.getClient()),
    settings: options.settings,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  controllerManagedBy(mgr)
    .for(Machine)
    .owns(Switch)
    .watches(Switch, enqueueRequestsFromMapFunc(machineRequestForSwitch))
    .withEventFilter(machineEventFilter)
    .named("machine")
    .withOptions({ maxConcurrentReconciles: options.maxConcurrentReconciles ?? 1 })
    .complete(reconciler);
}

/** The reconciler's reads and writes over the manager's client: reads from the cache. */
export function storeFromClient(client: Client): MachineStore {
  const asSwitch = <T extends SwitchView>(sw: T) => ({ ...sw, apiVersion: Switch.apiVersion, kind: Switch.kind });
  return {
    async getMachine(key) {
      try {
        return await client.get(Machine, key);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async listSwitches(machine) {
      // Two indexed cache reads rather than the whole namespace: its labelled switches, and
      // those it controls whatever their label (to release them).
      const namespace = machine.metadata?.namespace ?? "";
      const [labelled, controlled] = await Promise.all([
        client.list(Switch, { namespace, matchingLabels: { [MACHINE_LABEL]: machine.metadata?.name ?? "" } }),
        client.list(Switch, { namespace, matchingFields: { [CONTROLLER_UID_INDEX]: machine.metadata?.uid ?? "" } }),
      ]);
      const byName = new Map<string, SwitchView>();
      for (const sw of [...labelled.items, ...controlled.items]) byName.set(sw.metadata?.name ?? "", sw);
      return [...byName.values()];
    },
    createSwitch: (sw) => client.create(asSwitch(sw)),
    updateSwitch: (sw) => client.update(asSwitch(sw)),
    updateSwitchStatus: (sw) => client.status().update(asSwitch(sw)),
    async deleteSwitch(sw) {
      try {
        await client.delete(asSwitch(sw));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    updateMachine: (machine) => client.update({ ...machine, apiVersion: Machine.apiVersion, kind: Machine.kind }),
    updateMachineStatus: (machine) =>
      client.status().update({ ...machine, apiVersion: Machine.apiVersion, kind: Machine.kind }),
  };
}
