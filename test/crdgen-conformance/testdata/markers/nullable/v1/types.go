package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has nullable fields.
type WidgetSpec struct {
	// note may be null.
	// +nullable
	Note *string `json:"note,omitempty"`
	// items may be null.
	// +nullable
	Items []string `json:"items,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
