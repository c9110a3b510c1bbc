// Package v1 is the printer_columns fixture's API.
// +groupName=printer-columns.crd.conformance.uselessctl.dev
package v1
