// Package v2 is the two_versions fixture's API.
// +groupName=two-versions.multi-version.conformance.uselessctl.dev
package v2
