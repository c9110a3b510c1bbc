/**
 * The built-in kinds the runtime itself uses (events, leases, namespaces) and that `uselessctl`
 * exports, re-exported from the generated API modules so that each kind is declared once. Only
 * these few modules load with the runtime: their compiled code is the kind descriptors alone (the
 * types erase), and every other group version loads when an operator imports it from
 * "uselessctl/apis/<group>/<version>".
 */
export {
  ConfigMap,
  Event,
  Namespace,
  Pod,
  Secret,
  Service,
  ServiceAccount,
  type ObjectReference,
} from "../apis/k8s/core/v1.js";
export { Lease } from "../apis/k8s/coordination/v1.js";
export { Deployment } from "../apis/k8s/apps/v1.js";
export { CustomResourceDefinition } from "../apis/k8s/apiextensions/v1.js";
