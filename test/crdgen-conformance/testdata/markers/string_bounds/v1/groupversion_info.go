// Package v1 is the string_bounds fixture's API.
// +groupName=string-bounds.markers.conformance.uselessctl.dev
package v1
