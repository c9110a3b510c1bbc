import { realClock, type Clock } from "../clock.js";
import { objectKey, type KubernetesObject, type ObjectList } from "../object.js";
import { resourceName, type KindDescriptor } from "../scheme/group_version.js";
import { ApiError } from "../client/errors.js";
import { labelSelectorOf } from "../client/paths.js";
import type { ListOptions, ObjectKey, Reader } from "../client/types.js";
import { DEFAULT_INFORMER_OPTIONS, Informer, type InformerOptions, type TransformFunc } from "./informer.js";
import type { ListerWatcher } from "./list_watcher.js";
import type { IndexFunc } from "./store.js";
import { untilAborted } from "../internal/sleep.js";

/** Hands out the shared informer of each kind. */
export interface Informers {
  /** The one informer of a kind, created (and started, if the cache runs) on first use. */
  getInformer(kind: KindDescriptor): Informer;
  /**
   * Indexes objects of a kind by a field, so `list(kind, { matchingFields: { [field]: v } })`
   * works from the cache. Errors: throws when the field is already indexed.
   */
  indexField<T extends KubernetesObject>(kind: KindDescriptor<T>, field: string, extract: (obj: T) => string[]): void;
  /** Resolves true once every informer created so far has synced, false if the signal aborts. */
  waitForCacheSync(signal?: AbortSignal): Promise<boolean>;
}

/** Reads served from informers (controller-runtime's `cache.Cache`). */
export type Cache = Reader & Informers;

/** Options of {@link InformerCache}. */
export interface InformerCacheOptions {
  /** Creates the list+watch of a kind; namespaced kinds are limited to `namespace` when set. */
  listerWatcherFor: (kind: KindDescriptor, namespace: string | undefined) => ListerWatcher;
  /** Restrict namespaced kinds to this namespace. */
  namespace?: string;
  clock: Clock;
  resyncPeriodMs: number;
  /** Applied to every object before it is stored (controller-runtime's `cache.Options.DefaultTransform`). */
  transform: TransformFunc;
  /** Per-kind settings that replace the defaults for that kind (controller-runtime's `cache.Options.ByObject`). */
  byKind: readonly KindCacheOptions[];
  /** Copy objects handed to readers (on by default: a reconciler must not corrupt the cache). */
  copyOnRead: boolean;
  informerOptions: Partial<InformerOptions>;
}

/** How one kind is cached, when it differs from the cache's defaults. */
export interface KindCacheOptions {
  readonly kind: KindDescriptor;
  /** Applied to this kind's objects before they are stored, instead of the cache's `transform`. */
  readonly transform?: TransformFunc;
}

/** Defaults of {@link InformerCache}. */
export const DEFAULT_CACHE_OPTIONS = {
  clock: realClock,
  resyncPeriodMs: DEFAULT_INFORMER_OPTIONS.resyncPeriodMs,
  transform: DEFAULT_INFORMER_OPTIONS.transform,
  byKind: [] as readonly KindCacheOptions[],
  copyOnRead: true,
  informerOptions: {},
} as const;

function kindId(kind: KindDescriptor): string {
  return `${kind.apiVersion}/${kind.kind}`;
}

function notFound(kind: KindDescriptor, key: ObjectKey): ApiError {
  const name = key.name;
  return new ApiError({
    code: 404,
    status: {
      kind: "Status",
      apiVersion: "v1",
      status: "Failure",
      reason: "NotFound",
      code: 404,
      message: `${resourceName(kind)} "${name}" not found`,
      details: { name, group: kind.group, kind: kind.plural },
    },
    request: { method: "GET", path: `cache:${resourceName(kind)}/${objectKey(key.namespace, name)}` },
  });
}

/**
 * One shared informer per kind, and reads from them.
 *
 * Guarantees: one list+watch per kind however many controllers use it; reads return copies.
 * Caveats: the first read of a kind starts its informer and waits for it to sync.
 */
export class InformerCache implements Cache {
  readonly #options: InformerCacheOptions;
  readonly #informers = new Map<string, Informer>();
  #signal: AbortSignal | undefined;
  readonly #runs: Promise<void>[] = [];

  constructor(options: Partial<InformerCacheOptions> & Pick<InformerCacheOptions, "listerWatcherFor">) {
    this.#options = { ...DEFAULT_CACHE_OPTIONS, ...options };
  }

  getInformer(kind: KindDescriptor): Informer {
    const id = kindId(kind);
    let informer = this.#informers.get(id);
    if (!informer) {
      const { clock, resyncPeriodMs, informerOptions, namespace } = this.#options;
      const transform = this.#options.byKind.find((entry) => kindId(entry.kind) === id)?.transform;
      informer = new Informer({
        ...informerOptions,
        kind,
        clock,
        resyncPeriodMs,
        transform: transform ?? this.#options.transform,
        listerWatcher: this.#options.listerWatcherFor(kind, kind.namespaced ? namespace : undefined),
      });
      this.#informers.set(id, informer);
      if (this.#signal) this.#runs.push(informer.run(this.#signal));
    }
    return informer;
  }

  /** Every informer created so far. */
  informers(): Informer[] {
    return [...this.#informers.values()];
  }

  indexField<T extends KubernetesObject>(kind: KindDescriptor<T>, field: string, extract: (obj: T) => string[]): void {
    this.getInformer(kind).addIndexer(field, extract as IndexFunc);
  }

  /** Starts every informer (and any created later) until the signal aborts; resolves when all stopped. */
  async start(signal: AbortSignal): Promise<void> {
    if (this.#signal) throw new Error("the cache is already started");
    this.#signal = signal;
    for (const informer of this.#informers.values()) this.#runs.push(informer.run(signal));
    await untilAborted(signal);
    // Informers started while we waited are in #runs too.
    await Promise.all(this.#runs);
  }

  async waitForCacheSync(signal?: AbortSignal): Promise<boolean> {
    const results = await Promise.all([...this.#informers.values()].map((informer) => informer.waitForSync(signal)));
    return results.every(Boolean);
  }

  #copy<T>(obj: T): T {
    return this.#options.copyOnRead ? structuredClone(obj) : obj;
  }

  async #synced(kind: KindDescriptor): Promise<Informer> {
    const informer = this.getInformer(kind);
    if (!informer.hasSynced()) {
      if (!this.#signal) {
        throw new Error(
          `the cache is not started: cannot read ${kind.kind} before the manager starts (use the API reader)`,
        );
      }
      await informer.waitForSync(this.#signal);
    }
    return informer;
  }

  #checkNamespace(kind: KindDescriptor, namespace: string | undefined): void {
    const restricted = this.#options.namespace;
    if (kind.namespaced && restricted && namespace && namespace !== restricted) {
      throw new Error(
        `the cache only holds namespace "${restricted}": cannot read ${kind.kind} in namespace "${namespace}"`,
      );
    }
  }

  async get<T extends KubernetesObject>(kind: KindDescriptor<T>, key: ObjectKey): Promise<T> {
    this.#checkNamespace(kind, key.namespace);
    const informer = await this.#synced(kind);
    const obj = informer.store.get(objectKey(kind.namespaced ? key.namespace : undefined, key.name));
    if (!obj) throw notFound(kind, key);
    return this.#copy(obj as T);
  }

  async list<T extends KubernetesObject>(kind: KindDescriptor<T>, options: ListOptions = {}): Promise<ObjectList<T>> {
    this.#checkNamespace(kind, options.namespace);
    if (options.limit !== undefined || options.continue !== undefined) {
      throw new Error(
        `list ${kind.kind} from the cache: limit/continue page API server lists only; drop them or use the API reader`,
      );
    }
    const informer = await this.#synced(kind);
    const items = informer.store.select({
      namespace: kind.namespaced ? options.namespace || undefined : undefined,
      labels: labelSelectorOf(options),
      fields: options.matchingFields,
    });
    return {
      apiVersion: kind.apiVersion,
      kind: `${kind.kind}List`,
      metadata: { resourceVersion: informer.lastResourceVersion() },
      items: items.map((item) => this.#copy(item as T)),
    };
  }
}
