package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec is v1.
type WidgetSpec struct {
	// size is a size.
	Size string `json:"size,omitempty"`
}

// GadgetSpec is v1.
type GadgetSpec struct {
	// color is a color.
	Color string `json:"color,omitempty"`
}

// Gadget is the second kind, only in v1.
// +kubebuilder:object:root=true
// +kubebuilder:resource:scope=Cluster
type Gadget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec GadgetSpec `json:"spec,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
