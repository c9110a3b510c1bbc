package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Names is a list of names.
// +kubebuilder:validation:MaxItems=10
// +listType=set
type Names []string

// WidgetSpec limits a list type further.
type WidgetSpec struct {
	// names are at most three.
	// +kubebuilder:validation:MaxItems=3
	// +kubebuilder:validation:MinItems=1
	Names Names `json:"names,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
