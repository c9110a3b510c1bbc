// The machine reconciler (only its RBAC markers matter to the generator).

// +kubebuilder:rbac:groups=useless.container.training,resources=machines,verbs=get;list;watch;create;update;patch;delete
// +kubebuilder:rbac:groups=useless.container.training,resources=machines/status,verbs=get;update;patch
// +kubebuilder:rbac:groups=useless.container.training,resources=machines/finalizers,verbs=update
// +kubebuilder:rbac:groups=useless.container.training,resources=switches,verbs=get;list;watch;create;update;patch;delete
export function reconcileMachine(): string {
  return "// +kubebuilder:rbac:groups=ignored,resources=strings,verbs=get";
}
