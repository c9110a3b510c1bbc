// Package v1 is the unserved_and_skipped fixture's API.
// +groupName=unserved-and-skipped.multi-version.conformance.uselessctl.dev
package v1
