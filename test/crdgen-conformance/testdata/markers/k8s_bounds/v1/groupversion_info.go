// Package v1 is the k8s_bounds fixture's API.
// +groupName=k8s-bounds.markers.conformance.uselessctl.dev
package v1
