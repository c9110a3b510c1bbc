// Package v1 is the one_of fixture's API.
// +groupName=one-of.markers.conformance.uselessctl.dev
package v1
