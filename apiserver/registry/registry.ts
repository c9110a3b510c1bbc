/**
 * The table of served resource types, by group/version/resource and by kind. CRDs add and remove
 * entries at run time; discovery and the router read it on every request.
 */
import { catalogGroupOrder } from "../catalog/catalog.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";

export interface GroupVersions {
  group: string;
  /** Served versions, preferred (highest priority) first. */
  versions: string[];
}

/** Kube-aware version ordering (v1 > v1beta2 > v1beta1 > v1alpha1 > non-kube names). */
export function compareVersionPriority(a: string, b: string): number {
  const parse = (version: string): [number, number, number] | undefined => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
    if (!match) return undefined;
    const stability = match[2] === "alpha" ? 0 : match[2] === "beta" ? 1 : 2;
    return [stability, Number(match[1]), Number(match[3] ?? 0)];
  };
  const left = parse(a);
  const right = parse(b);
  if (!left && !right) return a < b ? -1 : a > b ? 1 : 0;
  if (!left) return 1;
  if (!right) return -1;
  if (left[0] !== right[0]) return right[0] - left[0];
  if (left[1] !== right[1]) return right[1] - left[1];
  return right[2] - left[2];
}

/** The built-in groups in the reference's discovery order (its apiVersionPriorities), before every CRD group. */
const builtinGroupOrder = catalogGroupOrder();

export class ResourceRegistry {
  readonly #byPath = new Map<string, ResourceType>();
  /** Which CRD contributed which entries, so that updating or deleting it replaces them all. */
  readonly #byOwner = new Map<string, string[]>();
  readonly #groupOrder: string[] = [];
  #generation = 0;

  static #path(group: string, version: string, resource: string): string {
    return `${group}/${version}/${resource}`;
  }

  /** Registers built-in types (owner "") or the types served for one CRD, replacing its previous ones. */
  replace(owner: string, types: readonly ResourceType[]): void {
    for (const path of this.#byOwner.get(owner) ?? []) this.#byPath.delete(path);
    const paths: string[] = [];
    for (const type of types) {
      const path = ResourceRegistry.#path(type.group, type.version, type.resource);
      this.#byPath.set(path, type);
      paths.push(path);
      if (!this.#groupOrder.includes(type.group)) this.#groupOrder.push(type.group);
    }
    if (paths.length) this.#byOwner.set(owner, paths);
    else this.#byOwner.delete(owner);
    this.#generation += 1;
  }

  /** Counts changes, so that discovery documents can be cached until the next one. */
  version(): number {
    return this.#generation;
  }

  lookup(group: string, version: string, resource: string): ResourceType | undefined {
    return this.#byPath.get(ResourceRegistry.#path(group, version, resource));
  }

  /** The type serving `kind` at `apiVersion` (used by the garbage collector and owner checks). */
  lookupKind(apiVersion: string, kind: string): ResourceType | undefined {
    for (const type of this.#byPath.values()) if (type.kind === kind && apiVersionOf(type) === apiVersion) return type;
    return undefined;
  }

  /** Every served version of a collection, for events and cross-version reads. */
  typesOfCollection(collection: string): ResourceType[] {
    return [...this.#byPath.values()].filter((type) => type.collection === collection);
  }

  /** One type per collection (its storage version), for sweeps over all stored objects. */
  collections(): ResourceType[] {
    const seen = new Map<string, ResourceType>();
    for (const type of this.#byPath.values()) {
      const existing = seen.get(type.collection);
      if (!existing || type.version === type.storageVersion) seen.set(type.collection, type);
    }
    return [...seen.values()];
  }

  resources(group: string, version: string): ResourceType[] {
    return [...this.#byPath.values()]
      .filter((type) => type.group === group && type.version === version)
      .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  }

  /**
   * Served API groups with versions by priority: kube-apiserver's group priorities for built-in
   * groups, then CRD groups (priority 1000) by name, as the aggregator orders APIServices.
   */
  groups(): GroupVersions[] {
    const result: GroupVersions[] = [];
    const rank = (group: string): number => {
      const index = builtinGroupOrder.indexOf(group);
      return index < 0 ? builtinGroupOrder.length : index;
    };
    const ordered = [...this.#groupOrder].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const group of ordered) {
      const versions = new Set<string>();
      for (const type of this.#byPath.values()) if (type.group === group) versions.add(type.version);
      if (versions.size) result.push({ group, versions: [...versions].sort(compareVersionPriority) });
    }
    return result;
  }
}
