// Package v1 is the field_over_type_numeric fixture's API.
// +groupName=field-over-type-numeric.markers.conformance.uselessctl.dev
package v1
