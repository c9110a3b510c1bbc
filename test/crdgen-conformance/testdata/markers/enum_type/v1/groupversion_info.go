// Package v1 is the enum_type fixture's API.
// +groupName=enum-type.markers.conformance.uselessctl.dev
package v1
