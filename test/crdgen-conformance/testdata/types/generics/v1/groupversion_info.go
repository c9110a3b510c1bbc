// Package v1 is the generics fixture's API.
// +groupName=generics.types.conformance.uselessctl.dev
package v1
