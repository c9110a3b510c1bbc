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
import { Switch } from "../api/v1alpha1/index.js";

/** What a SwitchReconciler needs. */
export interface SwitchReconcilerOptions {
  readonly client: Client;
}

/**
 * SwitchReconciler reconciles Switch objects: it moves the cluster towards the state each
 * Switch's spec asks for, and reports what it sees in its status.
 *
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches,verbs=get;list;watch;create;update;patch;delete
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches/status,verbs=get;update;patch
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches/finalizers,verbs=update
 */
export class SwitchReconciler implements Reconciler {
  readonly client: Client;

  constructor(options: SwitchReconcilerOptions) {
    this.client = options.client;
  }

  /**
   * Called whenever a Switch (or anything it owns) changes, with the Switch's name. Compare
   * the spec with what exists, act on the difference, and return; throw to retry with back-off,
   * or return `{ requeueAfter }` (milliseconds) to look again later.
   */
  async reconcile(req: Request, ctx: ReconcileContext): Promise<ReconcileResult> {
    let found: Switch;
    try {
      found = await this.client.get(Switch, req);
    } catch (error) {
      // Deleted since the event was queued: what it owned goes with it (owner references).
      if (isNotFound(error)) return;
      throw error;
    }
    // TODO(user): your logic here: compare found.spec with the cluster and act on the difference.
    ctx.log.info("Reconciling Switch", { generation: found.metadata.generation });
  }

  /** Registers this reconciler with the manager: watch switches and reconcile each change. */
  setupWithManager(mgr: Manager): void {
    controllerManagedBy(mgr).for(Switch).named("switch").complete(this);
  }
}
