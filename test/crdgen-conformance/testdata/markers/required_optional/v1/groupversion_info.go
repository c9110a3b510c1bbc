// Package v1 is the required_optional fixture's API.
// +groupName=required-optional.markers.conformance.uselessctl.dev
package v1
