package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Inner is titled.
// +kubebuilder:title=The inner object
type Inner struct {
	// value is a value.
	Value string `json:"value,omitempty"`
}

// WidgetSpec uses a titled type.
type WidgetSpec struct {
	// inner is titled by its type.
	Inner Inner `json:"inner,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
