// Package v1 is the lowercase_nullable_optional fixture's API.
// +groupName=lowercase-nullable-optional.markers.conformance.uselessctl.dev
package v1
