// Package v2 is the two_kinds_two_versions fixture's API.
// +groupName=two-kinds-two-versions.multi-version.conformance.uselessctl.dev
package v2
