/**
 * `+kubebuilder:rbac`: one rule of the manager's ClusterRole (or of a namespaced Role). Read by
 * `rbac/assemble.ts`; written anywhere in a controller file's comments, as Go writes them above
 * Reconcile.
 */
import type { MarkerDefinition } from "../registry.js";

const list = { kind: "list", item: { kind: "string" } } as const;

/** The RBAC-family definition. */
export const rbacDefinitions: readonly MarkerDefinition[] = [
  {
    name: "kubebuilder:rbac",
    family: "rbac",
    targets: ["package"],
    args: [
      { name: "groups", type: list, optional: true },
      { name: "resources", type: list, optional: true },
      { name: "resourceNames", type: list, optional: true },
      { name: "verbs", type: list },
      { name: "urls", type: list, optional: true },
      { name: "namespace", type: { kind: "string" }, optional: true },
    ],
    help: "specifies an RBAC rule to all access to some resources or non-resource URLs.",
  },
];
