package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec is scalable.
type WidgetSpec struct {
	// replicas is the desired count.
	Replicas int32 `json:"replicas,omitempty"`
}

// WidgetStatus is observed state.
type WidgetStatus struct {
	// replicas is the observed count.
	Replicas int32 `json:"replicas,omitempty"`
	// selector is a label selector.
	Selector string `json:"selector,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
// +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.status.selector
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
	Status WidgetStatus `json:"status,omitempty"`
}
