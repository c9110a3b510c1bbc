/** core/v1 Namespaces: pkg/registry/core/namespace/strategy.go. */
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

export const namespaceStrategy: ResourceStrategy = {
  fieldSelectors: { "status.phase": (o) => (o.status as { phase?: string } | undefined)?.phase },
  normalize(object) {
    // The kubernetes.io/metadata.name label always mirrors the name (a default, so the writer owns it).
    if (object.metadata.name)
      object.metadata.labels = { ...object.metadata.labels, "kubernetes.io/metadata.name": object.metadata.name };
    // SetDefaults_NamespaceStatus: decoding makes an empty phase Active, so admission sees it.
    const status = (object.status as { phase?: string } | undefined) ?? {};
    if (!status.phase) object.status = { ...status, phase: "Active" };
    return [];
  },
  prepareForCreate(object) {
    const spec = (object.spec as { finalizers?: string[] } | undefined) ?? {};
    if (!spec.finalizers?.includes("kubernetes")) spec.finalizers = [...(spec.finalizers ?? []), "kubernetes"];
    object.spec = spec;
    object.status = { phase: "Active" };
  },
  prepareForUpdate(object, old, subresource) {
    // Finalizers change only through the finalize subresource.
    if (subresource === "finalize") return;
    const finalizers = (old.spec as { finalizers?: string[] } | undefined)?.finalizers;
    const spec = { ...(object.spec as Record<string, unknown> | undefined) };
    if (finalizers) spec.finalizers = finalizers;
    else delete spec.finalizers;
    object.spec = spec;
  },
  columns: [
    nameColumn,
    column("Status", "The status of the namespace", (o) => (o.status as { phase?: string } | undefined)?.phase ?? ""),
    ageColumn,
  ],
};

/** Namespaces that exist from the start, as kube-apiserver's system namespaces controller makes them. */
export const initialNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;
