// Package v1 is the type_override fixture's API.
// +groupName=type-override.markers.conformance.uselessctl.dev
package v1
