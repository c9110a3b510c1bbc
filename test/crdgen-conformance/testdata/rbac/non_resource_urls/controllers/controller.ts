/**
 * Permissions for non-resource URLs, and duplicates to merge.
 * +kubebuilder:rbac:urls=/metrics;/healthz,verbs=get
 * +kubebuilder:rbac:groups=apps,resources=deployments,verbs=get
 * +kubebuilder:rbac:groups=apps,resources=deployments,verbs=list;get
 * +kubebuilder:rbac:groups=apps;batch,resources=jobs,verbs=watch
 */
export function reconcile(): void {}
