package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has a default written as a reference.
type WidgetSpec struct {
	// mode defaults to a constant, which controller-gen ignores.
	// +default=ref(DefaultMode)
	Mode string `json:"mode,omitempty"`
}

// DefaultMode is the default mode.
const DefaultMode = "Auto"

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
