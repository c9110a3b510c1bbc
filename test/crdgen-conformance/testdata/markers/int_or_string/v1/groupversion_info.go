// Package v1 is the int_or_string fixture's API.
// +groupName=int-or-string.markers.conformance.uselessctl.dev
package v1
