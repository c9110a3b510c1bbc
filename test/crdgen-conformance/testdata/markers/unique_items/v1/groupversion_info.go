// Package v1 is the unique_items fixture's API.
// +groupName=unique-items.markers.conformance.uselessctl.dev
package v1
