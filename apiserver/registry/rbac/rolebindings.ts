/** rbac.authorization.k8s.io/v1 RoleBindings (pkg/registry/rbac/rolebinding). */
import { bindingStrategy } from "./bindings.js";

export const roleBindingStrategy = bindingStrategy(true);
