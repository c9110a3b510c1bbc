// Package v1 is the list_bounds fixture's API.
// +groupName=list-bounds.markers.conformance.uselessctl.dev
package v1
