package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec is v1.
type WidgetSpec struct {
	// size is a string in v1.
	Size string `json:"size,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:deprecatedversion:warning="v1 is deprecated"
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
