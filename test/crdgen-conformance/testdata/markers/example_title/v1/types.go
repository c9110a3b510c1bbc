package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has examples and titles.
type WidgetSpec struct {
	// name has an example.
	// +kubebuilder:example=demo
	Name string `json:"name,omitempty"`
	// size has an example and a title.
	// +kubebuilder:example=5
	// +kubebuilder:title=Size
	Size int32 `json:"size,omitempty"`
	// options has an object example.
	// +kubebuilder:example={a: 1}
	Options map[string]int32 `json:"options,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
