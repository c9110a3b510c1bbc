/**
 * The core/v1 kinds' strategies, by resource, as kube-apiserver keeps
 * pkg/registry/core/<kind>/strategy.go; the PodSpec and PodTemplateSpec rules that workload kinds
 * share are in pod_template.ts.
 */
import type { ResourceStrategy } from "../resource_type.js";
import { configMapStrategy } from "./configmaps.js";
import { coreEventStrategy } from "./events.js";
import { namespaceStrategy } from "./namespaces.js";
import { podStrategy } from "./pods.js";
import { podTemplateStrategy } from "./pod_templates.js";
import { replicationControllerStrategy } from "./replication_controllers.js";
import { secretStrategy } from "./secrets.js";
import { serviceAccountStrategy } from "./serviceaccounts.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  configmaps: configMapStrategy,
  events: coreEventStrategy,
  namespaces: namespaceStrategy,
  pods: podStrategy,
  podtemplates: podTemplateStrategy,
  replicationcontrollers: replicationControllerStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy,
};
