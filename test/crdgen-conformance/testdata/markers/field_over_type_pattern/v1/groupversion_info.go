// Package v1 is the field_over_type_pattern fixture's API.
// +groupName=field-over-type-pattern.markers.conformance.uselessctl.dev
package v1
