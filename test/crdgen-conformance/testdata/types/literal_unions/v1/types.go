package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Size is small, medium or large.
// +kubebuilder:validation:Enum=small;medium;large
type Size string

// Level is 1, 2 or 3.
// +kubebuilder:validation:Enum=1;2;3
type Level int

// WidgetSpec uses literal unions.
type WidgetSpec struct {
	// size is a size.
	Size Size `json:"size,omitempty"`
	// level is a level.
	Level Level `json:"level,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
