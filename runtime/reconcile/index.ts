/**
 * The reconcile contract: {@link Request} in, {@link Result} (or a thrown error) out. How outcomes
 * turn into queue operations lives in `runtime/internal/controller/outcome.ts`.
 */
export {
  TerminalError,
  isTerminalError,
  requestKey,
  requestFromKey,
  runReconciler,
  type Request,
  type Result,
  type ReconcileContext,
  type ReconcileFunc,
  type ReconcileResult,
  type Reconciler,
  type ReconcilerLike,
} from "./reconcile.js";
