/**
 * The core/v1 kinds' strategies, by resource, as kube-apiserver keeps
 * pkg/registry/core/<kind>/strategy.go; the PodSpec and PodTemplateSpec rules that workload kinds
 * share are in pod_template.ts.
 */
import type { ResourceStrategy } from "../resource_type.js";
import { configMapStrategy } from "./configmaps.js";
import { endpointsStrategy } from "./endpoints.js";
import { coreEventStrategy } from "./events.js";
import { limitRangeStrategy } from "./limitranges.js";
import { namespaceStrategy } from "./namespaces.js";
import { nodeStrategy } from "./nodes.js";
import { persistentVolumeClaimStrategy } from "./persistentvolumeclaims.js";
import { persistentVolumeStrategy } from "./persistentvolumes.js";
import { podStrategy } from "./pods.js";
import { podTemplateStrategy } from "./pod_templates.js";
import { replicationControllerStrategy } from "./replication_controllers.js";
import { resourceQuotaStrategy } from "./resourcequotas.js";
import { secretStrategy } from "./secrets.js";
import { serviceAccountStrategy } from "./serviceaccounts.js";
import { serviceStrategy } from "./services.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  configmaps: configMapStrategy,
  endpoints: endpointsStrategy,
  events: coreEventStrategy,
  limitranges: limitRangeStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  persistentvolumeclaims: persistentVolumeClaimStrategy,
  persistentvolumes: persistentVolumeStrategy,
  pods: podStrategy,
  podtemplates: podTemplateStrategy,
  replicationcontrollers: replicationControllerStrategy,
  resourcequotas: resourceQuotaStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy,
  services: serviceStrategy,
};
