package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Mode is how the widget runs.
// +kubebuilder:validation:Enum=Fast;Slow
type Mode string

// WidgetSpec uses a union of literals.
type WidgetSpec struct {
	// mode is Fast or Slow.
	Mode Mode `json:"mode,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
