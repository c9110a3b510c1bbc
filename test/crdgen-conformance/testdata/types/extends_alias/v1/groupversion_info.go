// Package v1 is the extends_alias fixture's API.
// +groupName=extends-alias.types.conformance.uselessctl.dev
package v1
