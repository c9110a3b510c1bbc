// Package controllers holds RBAC markers for non-resource URLs and duplicates to merge.
package controllers

// +kubebuilder:rbac:urls=/metrics;/healthz,verbs=get
// +kubebuilder:rbac:groups=apps,resources=deployments,verbs=get
// +kubebuilder:rbac:groups=apps,resources=deployments,verbs=list;get
// +kubebuilder:rbac:groups=apps;batch,resources=jobs,verbs=watch

// Reconcile is where the markers sit in a Go project.
func Reconcile() {}
