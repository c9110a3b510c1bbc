// Package v1 is the scalars fixture's API.
// +groupName=scalars.types.conformance.uselessctl.dev
package v1
