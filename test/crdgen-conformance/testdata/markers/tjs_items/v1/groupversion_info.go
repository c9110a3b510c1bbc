// Package v1 is the tjs_items fixture's API.
// +groupName=tjs-items.markers.conformance.uselessctl.dev
package v1
