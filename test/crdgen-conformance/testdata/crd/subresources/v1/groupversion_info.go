// Package v1 is the subresources fixture's API.
// +groupName=subresources.crd.conformance.uselessctl.dev
package v1
