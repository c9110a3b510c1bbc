package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has selectable fields.
type WidgetSpec struct {
	// color is a color.
	Color string `json:"color,omitempty"`
	// size is a size.
	Size string `json:"size,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:selectablefield:JSONPath=`.spec.color`
// +kubebuilder:selectablefield:JSONPath=`.spec.size`
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
