import {
  controllerManagedBy,
  isNotFound,
  type Client,
  type Manager,
  type ReconcileContext,
  type ReconcileResult,
  type Reconciler,
  type Request,
} from "uselessctl";
import { Machine } from "../api/v1alpha1/index.js";

/** What a MachineReconciler needs. */
export interface MachineReconcilerOptions {
  readonly client: Client;
}

/**
 * MachineReconciler reconciles Machine objects: it moves the cluster towards the state each
 * Machine's spec asks for, and reports what it sees in its status.
 *
 * +kubebuilder:rbac:groups=useless.container.training,resources=machines,verbs=get;list;watch;create;update;patch;delete
 * +kubebuilder:rbac:groups=useless.container.training,resources=machines/status,verbs=get;update;patch
 * +kubebuilder:rbac:groups=useless.container.training,resources=machines/finalizers,verbs=update
 */
export class MachineReconciler implements Reconciler {
  readonly client: Client;

  constructor(options: MachineReconcilerOptions) {
    this.client = options.client;
  }

  /**
   * Called whenever a Machine (or anything it owns) changes, with the Machine's name. Compare
   * the spec with what exists, act on the difference, and return; throw to retry with back-off,
   * or return `{ requeueAfter }` (milliseconds) to look again later.
   */
  async reconcile(req: Request, ctx: ReconcileContext): Promise<ReconcileResult> {
    let found: Machine;
    try {
      found = await this.client.get(Machine, req);
    } catch (error) {
      // Deleted since the event was queued: what it owned goes with it (owner references).
      if (isNotFound(error)) return;
      throw error;
    }
    // TODO(user): your logic here: compare found.spec with the cluster and act on the difference.
    ctx.log.info("Reconciling Machine", { generation: found.metadata.generation });
  }

  /** Registers this reconciler with the manager: watch machines and reconcile each change. */
  setupWithManager(mgr: Manager): void {
    controllerManagedBy(mgr).for(Machine).named("machine").complete(this);
  }
}
