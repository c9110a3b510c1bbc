// Package v1 is the workload_fields fixture's API: fields of many built-in types.
// +groupName=workload.builtin-types.conformance.uselessctl.dev
package v1
