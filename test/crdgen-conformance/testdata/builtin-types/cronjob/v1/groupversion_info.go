// Package v1 is the kubebuilder book's CronJob API.
// +groupName=batch.tutorial.kubebuilder.io
package v1
