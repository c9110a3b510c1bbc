/**
 * The core/v1 kinds' strategies, as kube-apiserver keeps pkg/registry/core/<kind>/strategy.go,
 * keyed by resource; the PodSpec and PodTemplateSpec rules that workload kinds share are in
 * pod_template.ts.
 */
import type { ResourceStrategy } from "../resource_type.js";
import { podStrategy } from "./pods.js";
import { podTemplateStrategy } from "./pod_templates.js";
import { replicationControllerStrategy } from "./replication_controllers.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  pods: podStrategy,
  podtemplates: podTemplateStrategy,
  replicationcontrollers: replicationControllerStrategy,
};
