// Package v1 is the resource_names fixture's API.
// +groupName=resource-names.crd.conformance.uselessctl.dev
package v1
