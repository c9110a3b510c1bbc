// Package v1 is the numbers fixture's API.
// +groupName=numbers.types.conformance.uselessctl.dev
package v1
