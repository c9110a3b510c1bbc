// Package v1 is the cluster_scoped_status fixture's API.
// +groupName=cluster-scoped-status.crd.conformance.uselessctl.dev
package v1
