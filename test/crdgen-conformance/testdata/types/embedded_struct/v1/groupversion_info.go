// Package v1 is the embedded_struct fixture's API.
// +groupName=embedded-struct.types.conformance.uselessctl.dev
package v1
