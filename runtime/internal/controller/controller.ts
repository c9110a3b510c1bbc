import { randomUUID } from "node:crypto";
import { realClock, type Clock } from "../../clock.js";
import { discardLogger, type Logger } from "../../log/logger.js";
import type { RuntimeMetrics } from "../../metrics/registry.js";
import {
  requestFromKey,
  requestKey,
  runReconciler,
  type ReconcilerLike,
  type Request,
} from "../../reconcile/reconcile.js";
import type { RequestQueue } from "../../handler/handler.js";
import type { Source } from "../../source/source.js";
import { RateLimitingQueue } from "../../workqueue/rate_limiting_queue.js";
import type { RateLimiter } from "../../workqueue/rate_limiters.js";
import { abortAfter, sleep, untilAborted } from "../sleep.js";
import { applyOutcome, outcomeOf, type Outcome } from "./outcome.js";

/** Options of {@link Controller}. */
export interface ControllerOptions {
  name: string;
  reconciler: ReconcilerLike;
  /** Workers reconciling different keys at once; one key is never reconciled twice at once. */
  maxConcurrentReconciles: number;
  /** How long stopping waits for running reconciles before aborting their signals. */
  gracefulShutdownTimeoutMs: number;
  /** How long the sources may take to sync before the controller gives up. */
  cacheSyncTimeoutMs: number;
  clock: Clock;
  log: Logger;
  metrics?: RuntimeMetrics;
  rateLimiter?: RateLimiter<string>;
  /** The object kind, for log fields (`Machine`). */
  kindName?: string;
  /** Whether the controller needs leader election (true for every builder-made controller). */
  needLeaderElection: boolean;
}

/** Defaults of {@link Controller}. */
export const DEFAULT_CONTROLLER_OPTIONS = {
  maxConcurrentReconciles: 1,
  gracefulShutdownTimeoutMs: 30_000,
  cacheSyncTimeoutMs: 120_000,
  clock: realClock,
  log: discardLogger,
  needLeaderElection: true,
} as const;

/** Raised when a controller's sources do not sync in time. */
export class CacheSyncTimeoutError extends Error {
  readonly controller: string;
  constructor(controller: string, timeoutMs: number) {
    super(
      `controller ${controller}: caches did not sync within ${timeoutMs} ms; is the API server reachable and the kind installed?`,
    );
    this.name = "CacheSyncTimeoutError";
    this.controller = controller;
  }
}

/**
 * A controller: sources feed a rate-limited queue of `namespace/name` keys; workers take keys and
 * call the reconciler; the outcome goes through {@link applyOutcome}.
 *
 * Guarantees: a key is never reconciled by two workers at once; events for a key arriving during
 * its reconcile lead to exactly one more reconcile; a slow reconcile occupies one worker only.
 * Stopping takes no new keys and waits up to `gracefulShutdownTimeoutMs` for running reconciles,
 * then aborts their `ctx.signal`.
 */
export class Controller {
  readonly name: string;
  readonly needLeaderElection: boolean;
  readonly queue: RateLimitingQueue<string>;
  readonly #options: ControllerOptions;
  readonly #sources: Source[] = [];
  #started = false;

  constructor(options: Partial<ControllerOptions> & Pick<ControllerOptions, "name" | "reconciler">) {
    this.#options = { ...DEFAULT_CONTROLLER_OPTIONS, ...options };
    this.name = options.name;
    this.needLeaderElection = this.#options.needLeaderElection;
    this.queue = new RateLimitingQueue<string>({
      clock: this.#options.clock,
      rateLimiter: options.rateLimiter,
      metrics: this.#options.metrics?.queueMetricsFor(this.name),
    });
  }

  /** Adds a source; before start only. Errors: throws once the controller runs. */
  watch(source: Source): void {
    if (this.#started) throw new Error(`controller ${this.name}: add watches before the manager starts`);
    this.#sources.push(source);
  }

  /** The queue as handlers see it (requests, not keys). */
  readonly requestQueue: RequestQueue = {
    add: (req: Request) => this.queue.add(requestKey(req)),
    addAfter: (req: Request, delayMs: number) => this.queue.addAfter(requestKey(req), delayMs),
  };

  /**
   * Starts sources, waits for them to sync, runs workers until the signal aborts, then drains.
   * Errors: {@link CacheSyncTimeoutError} when the sources do not sync in time.
   */
  async start(signal: AbortSignal): Promise<void> {
    if (this.#started) throw new Error(`controller ${this.name} was already started`);
    this.#started = true;
    const { log, clock, metrics, maxConcurrentReconciles, cacheSyncTimeoutMs } = this.#options;
    for (const source of this.#sources) source.start(this.requestQueue, signal);

    const syncBound = abortAfter(clock, cacheSyncTimeoutMs, signal);
    const synced = await Promise.all(this.#sources.map((source) => source.waitForSync(syncBound.signal)));
    syncBound.dispose();
    if (signal.aborted) {
      this.queue.shutDown();
      return;
    }
    if (!synced.every(Boolean)) {
      this.queue.shutDown();
      throw new CacheSyncTimeoutError(this.name, cacheSyncTimeoutMs);
    }

    log.info("Starting workers", { controller: this.name, workerCount: maxConcurrentReconciles });
    metrics?.maxConcurrentReconciles.set({ controller: this.name }, maxConcurrentReconciles);
    const reconcileAbort = new AbortController();
    const workers = Array.from({ length: maxConcurrentReconciles }, () => this.#work(reconcileAbort.signal));

    await untilAborted(signal);
    log.info("Shutdown signal received, waiting for all workers to finish", { controller: this.name });
    this.queue.shutDown();
    const stopWaiting = new AbortController();
    const graceful = await Promise.race([
      Promise.all(workers).then(() => true),
      sleep(clock, this.#options.gracefulShutdownTimeoutMs, stopWaiting.signal).then(() => false),
    ]);
    stopWaiting.abort();
    if (!graceful) {
      log.info("Running reconciles did not finish in time, aborting them", { controller: this.name });
      reconcileAbort.abort(new Error(`controller ${this.name} is shutting down`));
      await Promise.all(workers);
    }
    log.info("All workers finished", { controller: this.name });
  }

  async #work(reconcileSignal: AbortSignal): Promise<void> {
    for (;;) {
      const next = await this.queue.get();
      if (next.shutdown) return;
      try {
        await this.#reconcileKey(next.item, reconcileSignal);
      } finally {
        this.queue.done(next.item);
      }
    }
  }

  async #reconcileKey(key: string, signal: AbortSignal): Promise<void> {
    const { log, clock, metrics, reconciler, kindName } = this.#options;
    const req = requestFromKey(key);
    const reconcileId = randomUUID();
    const ctxLog = log.withValues({
      controller: this.name,
      ...(kindName ? { controllerKind: kindName } : {}),
      namespace: req.namespace || undefined,
      name: req.name,
      reconcileID: reconcileId,
    });
    const labels = { controller: this.name };
    metrics?.activeWorkers.inc(labels);
    const startedAt = clock.now();
    let outcome: Outcome;
    try {
      outcome = outcomeOf({
        result: await runReconciler(reconciler, req, { signal, log: ctxLog, reconcileId, controller: this.name }),
      });
    } catch (error) {
      outcome = outcomeOf({ error });
    } finally {
      metrics?.activeWorkers.dec(labels);
      metrics?.reconcileTime.observe(labels, (clock.now() - startedAt) / 1000);
    }
    const result = applyOutcome(this.queue, key, outcome);
    metrics?.reconcileTotal.inc({ controller: this.name, result });
    if (outcome.kind === "error" || outcome.kind === "terminal") {
      metrics?.reconcileErrors.inc(labels);
      if (outcome.kind === "terminal") metrics?.terminalReconcileErrors.inc(labels);
      ctxLog.error(
        outcome.error,
        outcome.kind === "terminal" ? "Reconciler error (terminal, not retried)" : "Reconciler error",
        {
          retries: this.queue.numRequeues(key),
        },
      );
    }
  }
}
