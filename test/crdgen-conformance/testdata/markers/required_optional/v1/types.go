package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec mixes requiredness markers.
type WidgetSpec struct {
	// a is required by its tag.
	A string `json:"a"`
	// b is optional by its tag.
	B string `json:"b,omitempty"`
	// c is optional by marker.
	// +optional
	C string `json:"c"`
	// d is required by marker.
	// +required
	D string `json:"d,omitempty"`
	// e is optional by the kubebuilder marker.
	// +kubebuilder:validation:Optional
	E string `json:"e"`
	// f is required by the kubebuilder marker.
	// +kubebuilder:validation:Required
	F string `json:"f,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
