package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec holds plain numbers.
type WidgetSpec struct {
	// amount is a float.
	Amount float64 `json:"amount,omitempty"`
	// amounts are floats.
	Amounts []float64 `json:"amounts,omitempty"`
	// whole is an integer by marker.
	// +kubebuilder:validation:Type=integer
	Whole float64 `json:"whole,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
