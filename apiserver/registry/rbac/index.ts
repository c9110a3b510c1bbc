/** The rbac.authorization.k8s.io/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { clusterRoleBindingStrategy } from "./clusterrolebindings.js";
import { clusterRoleStrategy } from "./clusterroles.js";
import { roleBindingStrategy } from "./rolebindings.js";
import { roleStrategy } from "./roles.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  roles: roleStrategy,
  clusterroles: clusterRoleStrategy,
  rolebindings: roleBindingStrategy,
  clusterrolebindings: clusterRoleBindingStrategy,
};
