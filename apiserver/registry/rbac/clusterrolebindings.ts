/** rbac.authorization.k8s.io/v1 ClusterRoleBindings (pkg/registry/rbac/clusterrolebinding). */
import { bindingStrategy } from "./bindings.js";

export const clusterRoleBindingStrategy = bindingStrategy(false);
