package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec is v1.
type WidgetSpec struct {
	// size is a string in v1.
	Size string `json:"size,omitempty"`
}

// WidgetStatus is v1 status.
type WidgetStatus struct {
	// ok is ok.
	OK bool `json:"ok,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:printcolumn:name="Size",type=string,JSONPath=`.spec.size`
// +kubebuilder:subresource:status
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
	Status WidgetStatus `json:"status,omitempty"`
}
