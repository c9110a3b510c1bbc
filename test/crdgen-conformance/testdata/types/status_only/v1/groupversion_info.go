// Package v1 is the status_only fixture's API.
// +groupName=status-only.types.conformance.uselessctl.dev
package v1
