import type { Logger } from "../log/logger.js";

/**
 * Reconcile: the contract between the runtime and the user's logic. A reconciler is told which
 * object to look at (never what changed) and brings the world in line with it.
 */

/** The object to reconcile: `namespace` is "" for cluster-scoped kinds. */
export interface Request {
  namespace: string;
  name: string;
}

/**
 * What to do after a successful reconcile. Nothing (or `{}`) means done until the next event;
 * `requeueAfter` (ms) plans another look (the earliest pending time wins); `requeue: true` retries
 * with rate-limited back-off.
 */
export interface Result {
  requeue?: boolean;
  requeueAfter?: number;
}

/** What a reconcile gets besides the request. */
export interface ReconcileContext {
  /** Aborted when the manager gives up waiting for this reconcile at shutdown. */
  signal: AbortSignal;
  /** Carries controller, namespace, name and reconcileID. */
  log: Logger;
  /** Unique per reconcile call, also in every log line. */
  reconcileId: string;
  /** The name of the controller running this reconcile. */
  controller: string;
}

/**
 * What a reconcile settles with: a {@link Result}, or nothing at all (an `async` function without
 * `return`), which means the same as controller-runtime's zero `Result`.
 */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- `void` lets a function with no return be a reconciler
export type ReconcileResult = Result | void;

/** The function form of a reconciler (controller-runtime's `reconcile.Func`). */
export type ReconcileFunc = (req: Request, ctx: ReconcileContext) => Promise<ReconcileResult>;

/**
 * A reconciler: one method (controller-runtime's `reconcile.Reconciler`); classes can
 * `implements Reconciler`. Wherever a reconciler is taken, a bare {@link ReconcileFunc} works too.
 */
export interface Reconciler {
  reconcile(req: Request, ctx: ReconcileContext): Promise<ReconcileResult>;
}

/** Either form a controller accepts: a {@link Reconciler} or a {@link ReconcileFunc}. */
export type ReconcilerLike = Reconciler | ReconcileFunc;

/** Calls either form of reconciler. */
export function runReconciler(
  reconciler: ReconcilerLike,
  req: Request,
  ctx: ReconcileContext,
): Promise<ReconcileResult> {
  return typeof reconciler === "function" ? reconciler(req, ctx) : reconciler.reconcile(req, ctx);
}

/**
 * An error that retrying cannot fix (bad spec, missing permission by design): the reconcile is
 * recorded as failed, logged and counted, and not retried until the next event.
 */
export class TerminalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TerminalError";
  }
}

/** Whether an error is (or wraps, through `cause`) a {@link TerminalError}. */
export function isTerminalError(err: unknown): boolean {
  for (let current: unknown = err, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof TerminalError) return true;
    current = current.cause;
  }
  return false;
}

/** `namespace/name` (or `name`) of a request: the queue key. */
export function requestKey(req: Request): string {
  return req.namespace ? `${req.namespace}/${req.name}` : req.name;
}

/** The request a queue key stands for. */
export function requestFromKey(key: string): Request {
  const slash = key.indexOf("/");
  return slash < 0 ? { namespace: "", name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
