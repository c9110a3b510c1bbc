// Package v1 is the string_aliases fixture's API.
// +groupName=string-aliases.types.conformance.uselessctl.dev
package v1
