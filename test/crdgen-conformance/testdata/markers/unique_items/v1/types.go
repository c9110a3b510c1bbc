package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec asks for unique items.
type WidgetSpec struct {
	// tags are unique.
	// +kubebuilder:validation:UniqueItems=true
	Tags []string `json:"tags,omitempty"`
	// rows have unique entries.
	// +kubebuilder:validation:items:UniqueItems=true
	Rows [][]string `json:"rows,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
