import { keyOf, type KubernetesObject } from "../object.js";
import type { Selector } from "../../apimachinery/index.js";

/** Computes the values an object is indexed under (client-go's `IndexFunc`). */
export type IndexFunc = (obj: KubernetesObject) => string[];

/** The index every store has: by `metadata.namespace`. */
export const NAMESPACE_INDEX = "metadata.namespace";
/** The index of labels: `key=value` pairs. */
export const LABEL_INDEX = "metadata.labels";

/** Deep-freezes a JSON value so that handlers and the store share it without copying. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** What to select from a store. */
export interface StoreQuery {
  namespace?: string;
  labels?: Selector;
  /** index name → value, every one must match. */
  fields?: Record<string, string>;
}

/**
 * A thread-safe-by-construction (single writer: the reflector) keyed store with indexes
 * (client-go's `ThreadSafeStore` + `Indexer`). Objects are deep-frozen on the way in, so readers
 * and event handlers can share them; the cache copies before giving objects to user code.
 */
export class IndexedStore {
  readonly #items = new Map<string, KubernetesObject>();
  readonly #indexers = new Map<string, IndexFunc>();
  /** index name → indexed value → keys. */
  readonly #indices = new Map<string, Map<string, Set<string>>>();

  constructor() {
    this.addIndexer(NAMESPACE_INDEX, (obj) => [obj.metadata?.namespace ?? ""]);
    this.addIndexer(LABEL_INDEX, (obj) => Object.entries(obj.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`));
    this.addIndexer("metadata.name", (obj) => [obj.metadata?.name ?? ""]);
  }

  /**
   * Adds an index; existing objects are indexed at once.
   * Errors: throws when an index of that name exists (indexes cannot be redefined).
   */
  addIndexer(name: string, indexFunc: IndexFunc): void {
    if (this.#indexers.has(name)) throw new Error(`index "${name}" already exists; register each field index once`);
    this.#indexers.set(name, indexFunc);
    const index = new Map<string, Set<string>>();
    this.#indices.set(name, index);
    for (const [key, obj] of this.#items) this.#addToIndex(index, indexFunc(obj), key);
  }

  hasIndex(name: string): boolean {
    return this.#indexers.has(name);
  }

  #addToIndex(index: Map<string, Set<string>>, values: string[], key: string): void {
    for (const value of values) {
      let keys = index.get(value);
      if (!keys) index.set(value, (keys = new Set()));
      keys.add(key);
    }
  }

  #removeFromIndex(index: Map<string, Set<string>>, values: string[], key: string): void {
    for (const value of values) {
      const keys = index.get(value);
      keys?.delete(key);
      if (keys?.size === 0) index.delete(value);
    }
  }

  #reindex(key: string, previous: KubernetesObject | undefined, next: KubernetesObject | undefined): void {
    for (const [name, indexFunc] of this.#indexers) {
      const index = this.#indices.get(name) as Map<string, Set<string>>;
      if (previous) this.#removeFromIndex(index, indexFunc(previous), key);
      if (next) this.#addToIndex(index, indexFunc(next), key);
    }
  }

  /** Inserts or replaces an object (frozen in place); returns the previous one. */
  upsert(obj: KubernetesObject): KubernetesObject | undefined {
    const key = keyOf(obj);
    const previous = this.#items.get(key);
    deepFreeze(obj);
    this.#items.set(key, obj);
    this.#reindex(key, previous, obj);
    return previous;
  }

  /** Removes an object by key; returns it if it was there. */
  delete(key: string): KubernetesObject | undefined {
    const previous = this.#items.get(key);
    if (!previous) return undefined;
    this.#items.delete(key);
    this.#reindex(key, previous, undefined);
    return previous;
  }

  /** The shared (frozen) object under a key. */
  get(key: string): KubernetesObject | undefined {
    return this.#items.get(key);
  }

  keys(): IterableIterator<string> {
    return this.#items.keys();
  }

  values(): IterableIterator<KubernetesObject> {
    return this.#items.values();
  }

  get size(): number {
    return this.#items.size;
  }

  /**
   * Objects matching a query, using the narrowest index first.
   * Errors: throws when a field names no index, saying how to add one.
   */
  select(query: StoreQuery): KubernetesObject[] {
    const candidates: Set<string>[] = [];
    if (query.namespace !== undefined) candidates.push(this.#lookup(NAMESPACE_INDEX, query.namespace));
    for (const [field, value] of Object.entries(query.fields ?? {})) {
      if (!this.#indexers.has(field)) {
        throw new Error(
          `no index for field "${field}"; register one with cache.indexField(kind, "${field}", extract) before the cache starts`,
        );
      }
      candidates.push(this.#lookup(field, value));
    }
    for (const requirement of query.labels?.requirements ?? []) {
      const equality = requirement.operator === "=" || requirement.operator === "==" || requirement.operator === "in";
      if (equality && requirement.values.length === 1) {
        candidates.push(this.#lookup(LABEL_INDEX, `${requirement.key}=${requirement.values[0]}`));
      }
    }
    candidates.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = candidates;
    const keys = smallest ? [...smallest].filter((key) => rest.every((set) => set.has(key))) : [...this.#items.keys()];
    const result: KubernetesObject[] = [];
    for (const key of keys) {
      const obj = this.#items.get(key);
      if (obj && (!query.labels || query.labels.matches(obj.metadata?.labels))) result.push(obj);
    }
    return result;
  }

  #lookup(index: string, value: string): Set<string> {
    return this.#indices.get(index)?.get(value) ?? new Set();
  }
}
