/** rbac.authorization.k8s.io/v1 Roles (pkg/registry/rbac/role): rules checked, printed by the default Table. */
import type { ResourceStrategy } from "../resource_type.js";
import { policyRuleErrors } from "./policy_rules.js";

export const roleStrategy: ResourceStrategy = {
  nameRule: "pathSegment",
  validate(object) {
    const rules = policyRuleErrors(object, true);
    return [...rules.handwritten, ...rules.declarative];
  },
};
