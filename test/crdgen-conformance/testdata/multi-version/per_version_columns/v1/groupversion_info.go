// Package v1 is the per_version_columns fixture's API.
// +groupName=per-version-columns.multi-version.conformance.uselessctl.dev
package v1
