// Package v1 is the selectable_fields fixture's API.
// +groupName=selectable-fields.crd.conformance.uselessctl.dev
package v1
