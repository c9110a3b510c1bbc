// Package v1 is the field_over_type_min_length fixture's API.
// +groupName=field-over-type-min-length.markers.conformance.uselessctl.dev
package v1
