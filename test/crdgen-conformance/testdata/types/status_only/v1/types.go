package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetStatus is the only part.
type WidgetStatus struct {
	// ready is a flag.
	Ready bool `json:"ready,omitempty"`
}

// Widget is the fixture's kind, with a status and no spec.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Status WidgetStatus `json:"status,omitempty"`
}
