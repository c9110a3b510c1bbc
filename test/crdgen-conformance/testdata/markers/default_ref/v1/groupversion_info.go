// Package v1 is the default_ref fixture's API.
// +groupName=default-ref.markers.conformance.uselessctl.dev
package v1
