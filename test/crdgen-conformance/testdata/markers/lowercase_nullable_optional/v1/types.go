package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec uses markers in lowercase, which controller-gen does not know.
type WidgetSpec struct {
	// note uses a lowercase nullable.
	// +kubebuilder:validation:nullable
	Note *string `json:"note,omitempty"`
	// other uses a lowercase optional.
	// +kubebuilder:validation:optional
	Other string `json:"other"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
