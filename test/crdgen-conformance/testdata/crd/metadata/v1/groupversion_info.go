// Package v1 is the metadata fixture's API.
// +groupName=metadata.crd.conformance.uselessctl.dev
package v1
