// Package v1 is the defaults fixture's API.
// +groupName=defaults.markers.conformance.uselessctl.dev
package v1
