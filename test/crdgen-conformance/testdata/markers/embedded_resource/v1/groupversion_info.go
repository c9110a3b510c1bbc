// Package v1 is the embedded_resource fixture's API.
// +groupName=embedded-resource.markers.conformance.uselessctl.dev
package v1
