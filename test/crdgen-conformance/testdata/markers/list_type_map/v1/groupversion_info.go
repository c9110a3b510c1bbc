// Package v1 is the list_type_map fixture's API.
// +groupName=list-type-map.markers.conformance.uselessctl.dev
package v1
