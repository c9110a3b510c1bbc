/**
 * The garbage collector and namespace lifecycle (kube-controller-manager's garbagecollector and
 * namespace controllers, in-process):
 * - a dependent whose owners are all gone (checked by uid) is deleted in the background;
 *   references to a gone owner are dropped when other owners remain;
 * - an owner with the `foregroundDeletion` finalizer has its dependents deleted first;
 * - an owner with the `orphan` finalizer has the references to it removed from its dependents;
 * - a terminating namespace is emptied, then its `kubernetes` finalizer is removed.
 *
 * Caveats: work runs asynchronously after the triggering write, as in Kubernetes, so clients
 * observe dependents going away shortly after the owner.
 */
import { StatusError } from "../errors/status.js";
import { deepClone } from "../registry/conversion.js";
import { deleteObject, finalizerForeground, finalizerOrphan, type PropagationPolicy } from "../registry/deletion.js";
import { recordUpdate } from "../registry/managed_fields.js";
import { timestamp, type ObjectService } from "../registry/object_service.js";
import type { ResourceRegistry } from "../registry/registry.js";
import type { ResourceType } from "../registry/resource_type.js";
import { objectKey, type Store } from "../storage/store.js";
import { updatedConditions, type NamespaceCondition, type RemainingContent } from "./namespace_conditions.js";
import type { KubeObject, StoreEvent } from "../storage/types.js";

interface Dependent {
  collection: string;
  key: string;
}

export interface GarbageCollectorDependencies {
  store: Store;
  registry: ResourceRegistry;
  service: ObjectService;
  /** Told when an object of a collection is gone (the CRD controller finishes its cleanup). */
  onDeleted?(collection: string): void;
}

/** The field manager kube-controller-manager's requests are recorded under. */
const collectorManager = "kube-controller-manager";

function keyOf(object: KubeObject): string {
  return objectKey(object.metadata.namespace, object.metadata.name ?? "");
}

export class GarbageCollector {
  readonly #dependencies: GarbageCollectorDependencies;
  /** owner uid → dependents, kept from the event stream. */
  readonly #dependents = new Map<string, Map<string, Dependent>>();
  #queue: StoreEvent[] = [];
  #running = false;
  #unsubscribe: (() => void) | undefined;
  #stopped = false;

  constructor(dependencies: GarbageCollectorDependencies) {
    this.#dependencies = dependencies;
  }

  get #store(): Store {
    return this.#dependencies.store;
  }

  start(): void {
    for (const collection of this.#store.collectionNames()) {
      for (const object of this.#store.list(collection)) this.#index(collection, undefined, object);
    }
    this.#unsubscribe = this.#store.subscribeAll((event) => {
      this.#index(event.collection, event.previous, event.type === "DELETED" ? undefined : event.object);
      this.#queue.push(event);
      if (!this.#running) void this.#drain();
    });
    // Finish what a previous run left: terminating namespaces and owners, orphans whose owners are gone.
    for (const collection of this.#store.collectionNames()) {
      for (const object of this.#store.list(collection)) {
        if (object.metadata.deletionTimestamp || object.metadata.ownerReferences?.length) {
          this.#queue.push({ type: "MODIFIED", collection, object, previous: object, revision: 0 });
        }
      }
    }
    if (this.#queue.length) void this.#drain();
  }

  stop(): void {
    this.#stopped = true;
    this.#unsubscribe?.();
  }

  #index(collection: string, previous: KubeObject | undefined, current: KubeObject | undefined): void {
    for (const reference of previous?.metadata.ownerReferences ?? [])
      this.#dependents.get(reference.uid)?.delete(`${collection}|${keyOf(previous as KubeObject)}`);
    for (const reference of current?.metadata.ownerReferences ?? []) {
      let set = this.#dependents.get(reference.uid);
      if (!set) {
        set = new Map();
        this.#dependents.set(reference.uid, set);
      }
      set.set(`${collection}|${keyOf(current as KubeObject)}`, { collection, key: keyOf(current as KubeObject) });
    }
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#queue.length && !this.#stopped) {
        const event = this.#queue.shift() as StoreEvent;
        try {
          await this.#process(event);
        } catch {
          // A conflicting concurrent write or a vanished object: the next event for it brings another
          // pass. The collector must never take the server down.
        }
      }
    } finally {
      this.#running = false;
    }
  }

  #typeOf(collection: string): ResourceType | undefined {
    return this.#dependencies.registry.collections().find((type) => type.collection === collection);
  }

  async #process(event: StoreEvent): Promise<void> {
    const object = event.object;
    if (event.type === "DELETED") {
      await this.#ownerGone(object.metadata.uid ?? "");
      await this.#revisitForegroundOwners(object);
      this.#dependencies.onDeleted?.(event.collection);
      const namespace = object.metadata.namespace;
      if (namespace) {
        const owner = this.#store.get("/namespaces", objectKey(undefined, namespace));
        if (owner?.metadata.deletionTimestamp) await this.#finalizeNamespace(owner);
      }
      return;
    }
    const current = this.#store.get(event.collection, keyOf(object));
    if (!current || current.metadata.resourceVersion !== object.metadata.resourceVersion) return; // stale; a newer event follows
    if (current.metadata.deletionTimestamp) {
      if (event.collection === "/namespaces") await this.#finalizeNamespace(current);
      const finalizers = current.metadata.finalizers ?? [];
      if (finalizers.includes(finalizerOrphan)) await this.#orphanDependents(event.collection, current);
      else if (finalizers.includes(finalizerForeground)) await this.#deleteDependentsFirst(event.collection, current);
    }
    if (current.metadata.ownerReferences?.length) await this.#checkOwners(event.collection, current);
  }

  #ownerAlive(
    dependent: KubeObject,
    reference: { apiVersion: string; kind: string; name: string; uid: string },
  ): boolean | undefined {
    const type = this.#dependencies.registry.lookupKind(reference.apiVersion, reference.kind);
    if (!type) return undefined;
    const owner = this.#store.get(
      type.collection,
      objectKey(type.namespaced ? dependent.metadata.namespace : undefined, reference.name),
    );
    return owner !== undefined && owner.metadata.uid === reference.uid;
  }

  async #checkOwners(collection: string, object: KubeObject): Promise<void> {
    const references = object.metadata.ownerReferences ?? [];
    const alive = references.map((reference) => this.#ownerAlive(object, reference));
    if (alive.some((state) => state === undefined || state === true)) {
      const gone = references.filter((_, index) => alive[index] === false);
      if (gone.length) await this.#dropReferences(collection, object, new Set(gone.map((reference) => reference.uid)));
      return;
    }
    await this.#deleteQuietly(collection, object, "Background");
  }

  async #ownerGone(uid: string): Promise<void> {
    for (const dependent of [...(this.#dependents.get(uid)?.values() ?? [])]) {
      const object = this.#store.get(dependent.collection, dependent.key);
      if (object) await this.#checkOwners(dependent.collection, object);
    }
  }

  async #dropReferences(collection: string, object: KubeObject, uids: Set<string>): Promise<void> {
    const updated = deepClone(object);
    updated.metadata.ownerReferences = (updated.metadata.ownerReferences ?? []).filter(
      (reference) => !uids.has(reference.uid),
    );
    if (!updated.metadata.ownerReferences.length) delete updated.metadata.ownerReferences;
    // The removed references leave managedFields too, as the collector's patch does.
    const type = this.#typeOf(collection);
    if (type)
      recordUpdate(type, updated, object, { manager: collectorManager }, timestamp(this.#dependencies.service.now()));
    await this.#store.put(collection, keyOf(object), updated).durable;
  }

  async #deleteQuietly(collection: string, object: KubeObject, policy: PropagationPolicy): Promise<void> {
    const type = this.#typeOf(collection);
    if (!type || object.metadata.deletionTimestamp) return;
    try {
      await deleteObject(this.#dependencies.service, type, object.metadata.namespace, object.metadata.name ?? "", {
        propagationPolicy: policy,
        preconditions: { uid: object.metadata.uid ?? "" },
        dryRun: false,
      });
    } catch (error) {
      if (!(error instanceof StatusError && (error.code === 404 || error.code === 409))) throw error;
    }
  }

  #liveDependents(owner: KubeObject): { collection: string; object: KubeObject }[] {
    const result: { collection: string; object: KubeObject }[] = [];
    for (const dependent of this.#dependents.get(owner.metadata.uid ?? "")?.values() ?? []) {
      const object = this.#store.get(dependent.collection, dependent.key);
      if (object) result.push({ collection: dependent.collection, object });
    }
    return result;
  }

  async #removeFinalizer(collection: string, object: KubeObject, finalizer: string): Promise<void> {
    const updated = deepClone(object);
    updated.metadata.finalizers = (updated.metadata.finalizers ?? []).filter((entry) => entry !== finalizer);
    if (!updated.metadata.finalizers.length) delete updated.metadata.finalizers;
    const key = keyOf(object);
    const finalized =
      updated.metadata.deletionTimestamp &&
      !updated.metadata.finalizers &&
      !(collection === "/namespaces" && namespaceFinalizers(updated).length);
    // An update that removes the last finalizer deletes instead of writing: one DELETED event.
    if (finalized) await this.#store.delete(collection, key)?.durable;
    else await this.#store.put(collection, key, updated).durable;
  }

  async #orphanDependents(collection: string, owner: KubeObject): Promise<void> {
    const uid = owner.metadata.uid ?? "";
    for (const dependent of this.#liveDependents(owner))
      await this.#dropReferences(dependent.collection, dependent.object, new Set([uid]));
    const current = this.#store.get(collection, keyOf(owner));
    if (current) await this.#removeFinalizer(collection, current, finalizerOrphan);
  }

  async #deleteDependentsFirst(collection: string, owner: KubeObject): Promise<void> {
    const dependents = this.#liveDependents(owner);
    for (const dependent of dependents) await this.#deleteQuietly(dependent.collection, dependent.object, "Foreground");
    const blocking = this.#liveDependents(owner).filter(({ object }) =>
      (object.metadata.ownerReferences ?? []).some(
        (reference) => reference.uid === owner.metadata.uid && reference.blockOwnerDeletion === true,
      ),
    );
    if (blocking.length) return; // their deletion events bring us back here
    const current = this.#store.get(collection, keyOf(owner));
    if (current) await this.#removeFinalizer(collection, current, finalizerForeground);
  }

  /** A foreground-deleting owner waits for its dependents; one of them just went. */
  async #revisitForegroundOwners(dependent: KubeObject): Promise<void> {
    for (const reference of dependent.metadata.ownerReferences ?? []) {
      const type = this.#dependencies.registry.lookupKind(reference.apiVersion, reference.kind);
      if (!type) continue;
      const owner = this.#store.get(
        type.collection,
        objectKey(type.namespaced ? dependent.metadata.namespace : undefined, reference.name),
      );
      if (owner?.metadata.uid === reference.uid && owner.metadata.finalizers?.includes(finalizerForeground)) {
        await this.#deleteDependentsFirst(type.collection, owner);
      }
    }
  }

  /**
   * The namespace controller's pass over a terminating namespace: delete its content, report what
   * remains in its status conditions, and once nothing does, remove the `kubernetes` finalizer.
   */
  async #finalizeNamespace(namespace: KubeObject): Promise<void> {
    const name = namespace.metadata.name ?? "";
    const namespaced = this.#dependencies.registry.collections().filter((type) => type.namespaced);
    for (const type of namespaced) {
      for (const object of this.#store.list(type.collection, name))
        await this.#deleteQuietly(type.collection, object, "Background");
    }
    const remaining = { resources: new Map<string, number>(), finalizers: new Map<string, number>() };
    for (const type of namespaced) {
      const left = this.#store.list(type.collection, name);
      if (left.length) remaining.resources.set(`${type.resource}.${type.group}`, left.length);
      for (const finalizer of left.flatMap((object) => object.metadata.finalizers ?? []))
        remaining.finalizers.set(finalizer, (remaining.finalizers.get(finalizer) ?? 0) + 1);
    }
    await this.#reportNamespaceContent(name, remaining);
    if (remaining.resources.size) return; // objects with finalizers: their deletion events bring us back
    const current = this.#store.get("/namespaces", objectKey(undefined, name));
    if (!current || !namespaceFinalizers(current).includes("kubernetes")) return;
    const updated = deepClone(current);
    (updated.spec as { finalizers?: string[] }).finalizers = namespaceFinalizers(current).filter(
      (entry) => entry !== "kubernetes",
    );
    const key = objectKey(undefined, name);
    if (!updated.metadata.finalizers?.length && !namespaceFinalizers(updated).length)
      await this.#store.delete("/namespaces", key)?.durable;
    else await this.#store.put("/namespaces", key, updated).durable;
  }

  /** Writes the namespace's deletion conditions when they change, as the controller's UpdateStatus. */
  async #reportNamespaceContent(name: string, remaining: RemainingContent): Promise<void> {
    const current = this.#store.get("/namespaces", objectKey(undefined, name));
    const type = this.#typeOf("/namespaces");
    if (!current?.metadata.deletionTimestamp || !type) return;
    const now = timestamp(this.#dependencies.service.now());
    const status = (current.status ?? {}) as { conditions?: NamespaceCondition[] };
    const conditions = updatedConditions(status.conditions, remaining, now);
    if (!conditions) return;
    const updated = deepClone(current);
    updated.status = { ...status, conditions };
    recordUpdate(type, updated, current, { manager: collectorManager }, now, "status");
    await this.#store.put("/namespaces", objectKey(undefined, name), updated).durable;
  }
}

function namespaceFinalizers(namespace: KubeObject): string[] {
  return (namespace.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
}
