package v1

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// RunnerSpec runs pods from a template.
type RunnerSpec struct {
	// template is the pod each run starts.
	Template corev1.PodTemplateSpec `json:"template"`

	// resources bound each run's pod as a whole.
	// +optional
	Resources corev1.ResourceRequirements `json:"resources,omitempty"`

	// overrides, by container name.
	// +optional
	Overrides map[string]corev1.ResourceRequirements `json:"overrides,omitempty"`
}

// RunnerStatus is observed state.
type RunnerStatus struct {
	// lastPod names the pod last started.
	// +optional
	LastPod *corev1.LocalObjectReference `json:"lastPod,omitempty"`
}

// Runner is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
type Runner struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec   RunnerSpec   `json:"spec,omitempty"`
	Status RunnerStatus `json:"status,omitempty"`
}
