/**
 * The apps/v1 kinds' strategies (pkg/registry/apps/<kind>/strategy.go), keyed by resource:
 * Deployments, StatefulSets, DaemonSets, ReplicaSets and ControllerRevisions. No controller runs
 * them here: a Deployment makes no ReplicaSet, as in envtest.
 */
import type { ResourceStrategy } from "../resource_type.js";
import { controllerRevisionStrategy } from "./controllerrevisions.js";
import { daemonSetStrategy } from "./daemonsets.js";
import { deploymentStrategy } from "./deployments.js";
import { replicaSetStrategy } from "./replicasets.js";
import { statefulSetStrategy } from "./statefulsets.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  controllerrevisions: controllerRevisionStrategy,
  daemonsets: daemonSetStrategy,
  deployments: deploymentStrategy,
  replicasets: replicaSetStrategy,
  statefulsets: statefulSetStrategy,
};
