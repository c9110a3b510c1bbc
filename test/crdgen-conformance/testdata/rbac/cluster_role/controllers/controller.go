// Package controllers holds a reconciler's RBAC markers.
package controllers

// +kubebuilder:rbac:groups=apps,resources=deployments,verbs=get;list;watch;create;update;patch;delete
// +kubebuilder:rbac:groups=apps,resources=deployments/status,verbs=get;update;patch
// +kubebuilder:rbac:groups="",resources=pods,verbs=get;list;watch
// +kubebuilder:rbac:groups="",resources=configmaps,verbs=get;list
// +kubebuilder:rbac:groups=example.com,resources=widgets;gadgets,verbs=get;list;watch
// +kubebuilder:rbac:groups=example.com,resources=widgets/finalizers,verbs=update
// +kubebuilder:rbac:groups=coordination.k8s.io,resources=leases,resourceNames=leader,verbs=get;update

// Reconcile is where the markers sit in a Go project.
func Reconcile() {}
