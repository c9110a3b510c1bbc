package v1beta1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec is v1beta1.
type WidgetSpec struct {
	// size is a size.
	Size string `json:"size,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:unservedversion
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
