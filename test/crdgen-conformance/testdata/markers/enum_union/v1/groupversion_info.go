// Package v1 is the enum_union fixture's API.
// +groupName=enum-union.markers.conformance.uselessctl.dev
package v1
