/**
 * The switch reconciler.
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches,verbs=get;list;watch;create;update;patch;delete
 * +kubebuilder:rbac:groups=useless.container.training,resources=switches/status,verbs=get;update;patch
 * +kubebuilder:rbac:groups=core,resources=events,verbs=create;patch
 */
export function reconcileSwitch(): void {}
