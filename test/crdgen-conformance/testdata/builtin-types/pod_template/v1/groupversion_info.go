// Package v1 is the pod_template fixture's API: a pod template and resource requirements.
// +groupName=podtemplate.builtin-types.conformance.uselessctl.dev
package v1
