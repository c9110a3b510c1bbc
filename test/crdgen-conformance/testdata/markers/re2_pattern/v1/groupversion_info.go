// Package v1 is the re2_pattern fixture's API.
// +groupName=re2-pattern.markers.conformance.uselessctl.dev
package v1
