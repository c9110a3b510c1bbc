// Package v1 is the items_markers fixture's API.
// +groupName=items-markers.markers.conformance.uselessctl.dev
package v1
