// Package v1 is the enum_field fixture's API.
// +groupName=enum-field.markers.conformance.uselessctl.dev
package v1
