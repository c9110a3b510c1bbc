package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has enum fields.
type WidgetSpec struct {
	// color is red, green or blue.
	// +kubebuilder:validation:Enum=red;green;blue
	Color string `json:"color,omitempty"`
	// level is 1, 2 or 3.
	// +kubebuilder:validation:Enum=1;2;3
	Level int32 `json:"level,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
