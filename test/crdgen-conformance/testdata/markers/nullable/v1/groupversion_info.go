// Package v1 is the nullable fixture's API.
// +groupName=nullable.markers.conformance.uselessctl.dev
package v1
