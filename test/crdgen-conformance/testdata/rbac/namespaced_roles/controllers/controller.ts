/**
 * The reconciler's permissions, some of them namespaced.
 * +kubebuilder:rbac:groups="",resources=secrets,verbs=get;list;watch
 * +kubebuilder:rbac:groups="",resources=configmaps,verbs=get,namespace=system
 * +kubebuilder:rbac:groups=coordination.k8s.io,resources=leases,verbs=get;create;update,namespace=system
 * +kubebuilder:rbac:groups="",resources=events,verbs=create;patch,namespace=other
 */
export function reconcile(): void {}
