// Package v1 is the example_title fixture's API.
// +groupName=example-title.markers.conformance.uselessctl.dev
package v1
