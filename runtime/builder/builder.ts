import type { KubernetesObject } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { Manager } from "../manager/options.js";
import { Controller, type ControllerOptions } from "../internal/controller/controller.js";
import { enqueueRequestForObject, enqueueRequestForOwner, type EventHandler } from "../handler/handler.js";
import type { Predicate } from "../predicate/predicate.js";
import { kindSource, type Source } from "../source/source.js";
import type { ReconcilerLike } from "../reconcile/reconcile.js";
import type { RateLimiter } from "../workqueue/rate_limiters.js";

/** Options of `for`, `owns` and `watches`. */
export interface WatchOptions {
  /** Predicates for this watch only (on top of `withEventFilter`'s). */
  predicates?: Predicate[];
}

/** Options of `owns`. */
export interface OwnsOptions extends WatchOptions {
  /** Enqueue any owner of the `for` kind, not only the controller owner. */
  matchEveryOwner?: boolean;
}

/** Options of `withOptions`. */
export interface BuilderControllerOptions {
  maxConcurrentReconciles?: number;
  rateLimiter?: RateLimiter<string>;
  /** Run without leader election (every replica reconciles). */
  needLeaderElection?: boolean;
  /** How long the controller waits for its caches to sync, ms. */
  cacheSyncTimeoutMs?: number;
}

/** What `complete()` returns: the controller it added to the manager. */
export interface ManagedController {
  readonly name: string;
  /** Adds a source after building (before the manager starts). */
  watch(source: Source): void;
}

/** Raised by `complete()` listing every misuse found, each with how to fix it. */
export class BuilderError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(problems.length === 1 ? (problems[0] as string) : `controller builder:\n- ${problems.join("\n- ")}`);
    this.name = "BuilderError";
    this.problems = problems;
  }
}

const CONTROLLER_NAME = /^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/;

function isKind(value: unknown): value is KindDescriptor {
  const candidate = value as KindDescriptor | undefined;
  return (
    typeof candidate?.kind === "string" &&
    typeof candidate.plural === "string" &&
    typeof candidate.apiVersion === "string"
  );
}

/**
 * Builds a controller from its watches (controller-runtime's `builder.Builder`). Every step can be
 * written by hand with `kindSource`, the handlers and predicates; the builder only wires them.
 * Misuse is collected and reported by {@link ControllerBuilder.complete} in one error.
 */
export class ControllerBuilder {
  readonly #manager: Manager;
  #forKind: KindDescriptor | undefined;
  #forOptions: WatchOptions = {};
  readonly #owns: { kind: KindDescriptor; options: OwnsOptions }[] = [];
  readonly #watches: { kind: KindDescriptor; handler: EventHandler; options: WatchOptions }[] = [];
  readonly #rawSources: Source[] = [];
  readonly #globalPredicates: Predicate[] = [];
  #name: string | undefined;
  #options: BuilderControllerOptions = {};
  readonly #problems: string[] = [];
  #completed = false;

  constructor(manager: Manager) {
    this.#manager = manager;
  }

  /** The kind this controller reconciles; its events enqueue the object itself. Call once. */
  for<T extends KubernetesObject>(kind: KindDescriptor<T>, options: WatchOptions = {}): this {
    if (!isKind(kind)) {
      this.#problems.push("for() needs a kind declared with defineGroupVersion(...).kind(...); got something else");
    } else if (this.#forKind) {
      this.#problems.push(
        `for() was called twice (${this.#forKind.kind}, then ${kind.kind}); a controller reconciles one kind: use watches() for the other`,
      );
    } else {
      this.#forKind = kind;
      this.#forOptions = options;
    }
    return this;
  }

  /** Watches objects of `kind` whose controller owner is of the `for` kind, enqueuing the owner. */
  owns<T extends KubernetesObject>(kind: KindDescriptor<T>, options: OwnsOptions = {}): this {
    if (!isKind(kind))
      this.#problems.push("owns() needs a kind declared with defineGroupVersion(...).kind(...); got something else");
    else this.#owns.push({ kind, options });
    return this;
  }

  /** Watches objects of `kind`, enqueuing what `handler` says (e.g. `enqueueRequestsFromMapFunc`). */
  watches<T extends KubernetesObject>(
    kind: KindDescriptor<T>,
    handler: EventHandler,
    options: WatchOptions = {},
  ): this {
    if (!isKind(kind))
      this.#problems.push(
        "watches() needs a kind declared with defineGroupVersion(...).kind(...) as its first argument",
      );
    else if (typeof handler !== "object" || handler === null) {
      this.#problems.push(`watches(${kind.kind}, ...) needs an event handler, e.g. enqueueRequestsFromMapFunc(fn)`);
    } else this.#watches.push({ kind, handler, options });
    return this;
  }

  /** Adds a source created by hand (`kindSource`, `channelSource`). */
  watchesRawSource(source: Source): this {
    this.#rawSources.push(source);
    return this;
  }

  /** Predicates applied to every watch of this controller. */
  withEventFilter(predicate: Predicate): this {
    if (typeof predicate !== "object" || predicate === null) {
      this.#problems.push("withEventFilter() needs a predicate object, e.g. generationChangedPredicate");
    } else this.#globalPredicates.push(predicate);
    return this;
  }

  /** The controller's name in logs and metrics; the lower-case `for` kind by default. */
  named(name: string): this {
    this.#name = name;
    return this;
  }

  withOptions(options: BuilderControllerOptions): this {
    this.#options = { ...this.#options, ...options };
    return this;
  }

  #validate(reconciler: ReconcilerLike | undefined): string {
    const problems = [...this.#problems];
    const name = this.#name ?? this.#forKind?.kind.toLowerCase();
    if (this.#completed) problems.push("complete() was called twice; build each controller once");
    if (!name) problems.push('the controller has no name: call .for(Kind) or .named("name")');
    else if (!CONTROLLER_NAME.test(name)) {
      problems.push(
        `controller name "${name}" must be lower case letters, digits, '-', '.' or '_': pass a name like "machine" to .named()`,
      );
    }
    if (!this.#forKind && this.#owns.length > 0)
      problems.push("owns() needs for(Kind) first: the owner kind is the for() kind");
    if (!this.#forKind && this.#watches.length === 0 && this.#rawSources.length === 0) {
      problems.push(
        "the controller watches nothing: call .for(Kind), .watches(Kind, handler) or .watchesRawSource(source)",
      );
    }
    const workers = this.#options.maxConcurrentReconciles;
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
      problems.push(`withOptions({ maxConcurrentReconciles: ${workers} }): use a whole number of at least 1`);
    }
    if (
      typeof reconciler !== "function" &&
      typeof (reconciler as { reconcile?: unknown } | undefined)?.reconcile !== "function"
    ) {
      problems.push(
        "complete() needs a reconciler: an object with reconcile(req, ctx) or an async function (req, ctx) => result",
      );
    }
    if (problems.length > 0) throw new BuilderError(problems);
    return name as string;
  }

  /**
   * Validates the builder, creates the controller and adds it to the manager.
   * Errors: {@link BuilderError} listing every misuse with how to fix it; an Error if the name is
   * already used by another controller of the manager.
   */
  complete(reconciler: ReconcilerLike): ManagedController {
    const name = this.#validate(reconciler);
    this.#completed = true;
    this.#manager.registerControllerName(name);
    const defaults = this.#manager.controllerDefaults();
    const options: Partial<ControllerOptions> & Pick<ControllerOptions, "name" | "reconciler"> = {
      ...defaults,
      name,
      reconciler,
      kindName: this.#forKind?.kind,
      maxConcurrentReconciles: this.#options.maxConcurrentReconciles ?? 1,
      needLeaderElection: this.#options.needLeaderElection ?? true,
      ...(this.#options.rateLimiter ? { rateLimiter: this.#options.rateLimiter } : {}),
      ...(this.#options.cacheSyncTimeoutMs ? { cacheSyncTimeoutMs: this.#options.cacheSyncTimeoutMs } : {}),
    };
    const controller = new Controller(options);
    const cache = this.#manager.getCache();
    const global = this.#globalPredicates;
    if (this.#forKind) {
      controller.watch(
        kindSource(cache, this.#forKind, enqueueRequestForObject(), ...global, ...(this.#forOptions.predicates ?? [])),
      );
      for (const { kind, options: ownsOptions } of this.#owns) {
        const handler = enqueueRequestForOwner(this.#forKind, { onlyControllerOwner: !ownsOptions.matchEveryOwner });
        controller.watch(kindSource(cache, kind, handler, ...global, ...(ownsOptions.predicates ?? [])));
      }
    }
    for (const { kind, handler, options: watchOptions } of this.#watches) {
      controller.watch(kindSource(cache, kind, handler, ...global, ...(watchOptions.predicates ?? [])));
    }
    for (const source of this.#rawSources) controller.watch(source);
    this.#manager.add(controller);
    return controller;
  }
}

/** Starts building a controller managed by `manager` (controller-runtime's `ControllerManagedBy`). */
export function controllerManagedBy(manager: Manager): ControllerBuilder {
  return new ControllerBuilder(manager);
}
