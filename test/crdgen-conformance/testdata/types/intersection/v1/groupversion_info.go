// Package v1 is the intersection fixture's API.
// +groupName=intersection.types.conformance.uselessctl.dev
package v1
