// Package v1 is the items_type_markers fixture's API.
// +groupName=items-type-markers.markers.conformance.uselessctl.dev
package v1
