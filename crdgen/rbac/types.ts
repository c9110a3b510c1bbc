/**
 * rbac.authorization.k8s.io/v1 Role and ClusterRole, typed: the values RBAC assembly produces
 * and the YAML stage writes to `config/rbac/role.yaml`.
 */

/** One policy rule, as rbac.authorization.k8s.io/v1 writes it. */
export interface PolicyRule {
  apiGroups?: string[];
  nonResourceURLs?: string[];
  resourceNames?: string[];
  resources?: string[];
  verbs: string[];
}

/** The manager's cluster-wide role: the rules of every `+kubebuilder:rbac` marker without a namespace. */
export interface ClusterRole {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "ClusterRole";
  metadata: { name: string };
  rules: PolicyRule[];
}

/** The manager's role in one namespace: the rules of the markers naming that namespace. */
export interface Role {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "Role";
  metadata: { name: string; namespace: string };
  rules: PolicyRule[];
}

/** Either kind of role the generator writes. */
export type RbacRole = ClusterRole | Role;
