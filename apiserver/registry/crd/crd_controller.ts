/**
 * The CRD controller: keeps the served endpoints in step with stored CustomResourceDefinitions
 * (serve on create, change on update, remove on delete), sets the NamesAccepted and Established
 * conditions, and on deletion removes every instance before the CRD goes (the
 * `customresourcecleanup.apiextensions.k8s.io` finalizer).
 */
import { StatusError } from "../../errors/status.js";
import { objectKey, type Store } from "../../storage/store.js";
import type { KubeObject, StoreEvent } from "../../storage/types.js";
import { builtinType, catalogEntry } from "../builtins.js";
import { deepClone, jsonEqual } from "../conversion.js";
import { deleteObject } from "../deletion.js";
import { recordUpdate } from "../managed_fields.js";
import { timestamp, type ObjectService } from "../object_service.js";
import { createdAtColumn, nameColumn } from "../printing.js";
import type { ResourceRegistry } from "../registry.js";
import type { ResourceType } from "../resource_type.js";
import { customResourceTypes, type CrdSpec } from "./custom_resource.js";
import { schemaTypeError } from "./crd_schema_types.js";
import { crdCondition, crdServable, decideNames, namingConditions, type CrdCondition } from "./crd_names.js";
import { validateCrd } from "./crd_validation.js";

export const crdCollection = "apiextensions.k8s.io/customresourcedefinitions";
export const cleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

const names = {
  properties: Object.fromEntries(
    ["plural", "singular", "shortNames", "kind", "listKind", "categories"].map((name) => [name, {}]),
  ),
};

/** How managedFields track a CRD: lists are atomic but for status.conditions, keyed by type. */
const crdFieldSchema = {
  properties: {
    spec: {
      properties: {
        ...Object.fromEntries(["group", "scope", "versions", "preserveUnknownFields"].map((name) => [name, {}])),
        names,
        conversion: { properties: { strategy: {}, webhook: {} } },
      },
    },
    status: {
      properties: {
        conditions: { "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["type"] },
        acceptedNames: names,
        storedVersions: {},
      },
    },
  },
};

/** The apiextensions.k8s.io/v1 customresourcedefinitions resource. */
export function crdResourceType(): ResourceType {
  return builtinType({
    group: "apiextensions.k8s.io",
    version: "v1",
    resource: "customresourcedefinitions",
    kind: "CustomResourceDefinition",
    namespaced: false,
    shortNames: ["crd", "crds"],
    categories: ["api-extensions"],
    statusSubresource: true,
    tracksGeneration: true,
    // apiextensions-apiserver's CRD strategy validates by hand only.
    declarativeValidation: false,
    storagePrefix: "apiextensions.k8s.io/customresourcedefinitions",
    catalog: catalogEntry("apiextensions.k8s.io", "customresourcedefinitions"),
    fieldSchema: crdFieldSchema,
    emptyObject: {
      spec: { group: "", names: { plural: "", kind: "" }, scope: "", versions: null },
      status: { conditions: null, acceptedNames: { plural: "", kind: "" }, storedVersions: null },
    },
    strategy: {
      decodeTypeError(object) {
        const versions = (object.spec as { versions?: unknown } | undefined)?.versions;
        if (!Array.isArray(versions)) return undefined;
        for (const version of versions as { schema?: { openAPIV3Schema?: unknown } | null }[]) {
          const error = schemaTypeError(version?.schema?.openAPIV3Schema, "spec.versions.schema.openAPIV3Schema");
          if (error) return error;
        }
        return undefined;
      },
      prepareForCreate(object) {
        // The status starts empty but for the storage version (PrepareForCreate).
        const storage = (object.spec as CrdSpec).versions.find((version) => version.storage)?.name;
        object.status = {
          conditions: null,
          acceptedNames: { plural: "", kind: "" },
          storedVersions: storage ? [storage] : null,
        };
      },
      normalize(object) {
        const spec = (object.spec ?? {}) as Record<string, unknown>;
        spec.conversion ??= { strategy: "None" };
        const names = (spec.names ?? {}) as Record<string, unknown>;
        if (typeof names.kind === "string") {
          names.singular ??= names.kind.toLowerCase();
          names.listKind ??= `${names.kind}List`;
        }
        return [];
      },
      validate: validateCrd,
      columns: [nameColumn, createdAtColumn],
    },
  });
}

export class CrdController {
  readonly #store: Store;
  readonly #registry: ResourceRegistry;
  readonly #service: ObjectService;
  #unsubscribe: (() => void) | undefined;
  readonly #cleaning = new Set<string>();
  /** What each CRD's storage was built from (uid, spec, accepted names), to tell when it must be rebuilt. */
  readonly #servedFrom = new Map<string, string>();

  constructor(dependencies: { store: Store; registry: ResourceRegistry; service: ObjectService }) {
    this.#store = dependencies.store;
    this.#registry = dependencies.registry;
    this.#service = dependencies.service;
  }

  /** Serves every stored CRD right away (so restarts serve them before the first request), then follows changes. */
  start(): void {
    for (const crd of this.#store.list(crdCollection)) this.#serve(crd, false);
    this.#unsubscribe = this.#store.subscribe(crdCollection, (event) => this.#onEvent(event));
    for (const crd of this.#store.list(crdCollection)) void this.#reconcile(crd).catch(() => undefined);
  }

  stop(): void {
    this.#unsubscribe?.();
  }

  /** Every stored CRD of `group`, whose granted names the naming decision weighs. */
  #groupCrds(group: string): KubeObject[] {
    return this.#store.list(crdCollection).filter((crd) => (crd.spec as CrdSpec).group === group);
  }

  /**
   * Serves a CRD's types. When what its storage is built from changed, kube-apiserver builds a new
   * storage with a new watch cache, so watches cannot resume from before that moment: the
   * collection's history restarts (not at start-up, where every history begins anyway).
   */
  #serve(crd: KubeObject, restartHistory: boolean): void {
    const name = crd.metadata.name ?? "";
    const spec = crd.spec as CrdSpec;
    // Before its naming decision is stored, a CRD is served only if its names would be accepted.
    const servable = crdCondition(crd, "NamesAccepted")
      ? crdServable(crd)
      : decideNames(crd, this.#groupCrds(spec.group)).namesAccepted.status === "True";
    const types = servable ? customResourceTypes(spec) : [];
    this.#registry.replace(`crd:${name}`, types);
    const source = JSON.stringify([
      crd.metadata.uid,
      spec,
      (crd.status as { acceptedNames?: unknown } | undefined)?.acceptedNames,
      servable,
    ]);
    if (this.#servedFrom.get(name) === source) return;
    this.#servedFrom.set(name, source);
    if (restartHistory)
      for (const collection of new Set(types.map((type) => type.collection))) this.#store.restartHistory(collection);
  }

  #onEvent(event: StoreEvent): void {
    const group = (event.object.spec as CrdSpec).group;
    if (event.type === "DELETED") {
      this.#registry.replace(`crd:${event.object.metadata.name ?? ""}`, []);
      this.#servedFrom.delete(event.object.metadata.name ?? "");
    } else {
      this.#serve(event.object, true);
      void this.#reconcile(event.object).catch(() => undefined);
    }
    // A deleted or renamed CRD may release names that another CRD of its group is waiting for.
    for (const other of this.#groupCrds(group)) {
      if (
        other.metadata.name !== event.object.metadata.name &&
        crdCondition(other, "NamesAccepted")?.status === "False"
      ) {
        void this.#reconcile(other).catch(() => undefined);
      }
    }
  }

  async #reconcile(crd: KubeObject): Promise<void> {
    if (crd.metadata.deletionTimestamp) return this.#cleanUp(crd);
    const spec = crd.spec as CrdSpec;
    const status = deepClone((crd.status ?? {}) as Record<string, unknown>);
    const time = timestamp(this.#service.now());
    const decision = decideNames(crd, this.#groupCrds(spec.group));
    const conditions = (Array.isArray(status.conditions) ? [...status.conditions] : []) as CrdCondition[];
    for (const condition of namingConditions(crd, decision, time)) {
      const index = conditions.findIndex((entry) => entry.type === condition.type);
      if (index >= 0) conditions[index] = condition;
      else conditions.push(condition);
    }
    const next = {
      ...status,
      conditions,
      acceptedNames: decision.acceptedNames,
      storedVersions: [
        ...new Set([
          ...((status.storedVersions as string[] | undefined) ?? []),
          spec.versions.find((version) => version.storage)?.name ?? "",
        ]),
      ],
    };
    if (jsonEqual(next, crd.status)) return;
    const key = objectKey(undefined, crd.metadata.name ?? "");
    const current = this.#store.get(crdCollection, key);
    if (!current || current.metadata.resourceVersion !== crd.metadata.resourceVersion) return; // a newer event will come
    const updated = { ...deepClone(current), status: next };
    // The naming and establishing controllers write the status as kube-apiserver does.
    recordUpdate(crdResourceType(), updated, current, { manager: "kube-apiserver" }, time, "status");
    await this.#store.put(crdCollection, key, updated).durable;
  }

  /** Deletes every instance, then lets the CRD go by dropping the cleanup finalizer. */
  async #cleanUp(crd: KubeObject): Promise<void> {
    const name = crd.metadata.name ?? "";
    if (!crd.metadata.finalizers?.includes(cleanupFinalizer) || this.#cleaning.has(name)) return;
    this.#cleaning.add(name);
    try {
      const spec = crd.spec as CrdSpec;
      const types = customResourceTypes(spec);
      const type = types.find((candidate) => candidate.version === candidate.storageVersion) ?? types[0];
      if (type) {
        for (const instance of this.#store.list(type.collection)) {
          try {
            await deleteObject(this.#service, type, instance.metadata.namespace, instance.metadata.name ?? "", {
              propagationPolicy: undefined,
              preconditions: undefined,
              dryRun: false,
            });
          } catch (error) {
            if (!(error instanceof StatusError && error.code === 404)) throw error;
          }
        }
        if (this.#store.count(type.collection) > 0) return; // instances with finalizers: wait for their updates
      }
      const key = objectKey(undefined, name);
      const current = this.#store.get(crdCollection, key);
      if (!current) return;
      const updated = deepClone(current);
      updated.metadata.finalizers = (updated.metadata.finalizers ?? []).filter(
        (finalizer) => finalizer !== cleanupFinalizer,
      );
      if (updated.metadata.finalizers.length === 0) {
        // Removing the last finalizer deletes instead of writing: one DELETED event.
        await this.#store.delete(crdCollection, key)?.durable;
      } else {
        await this.#store.put(crdCollection, key, updated).durable;
      }
    } finally {
      this.#cleaning.delete(name);
    }
  }

  /** Called when an instance of a terminating CRD goes away, to finish the cleanup. */
  retryCleanup(collection: string): void {
    for (const crd of this.#store.list(crdCollection)) {
      const spec = crd.spec as CrdSpec;
      if (crd.metadata.deletionTimestamp && `${spec.group}/${spec.names.plural}` === collection)
        void this.#cleanUp(crd).catch(() => undefined);
    }
  }
}
