package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Phase is the lifecycle phase.
// +kubebuilder:validation:Enum=Pending;Running;Done
type Phase string

// WidgetSpec uses an enum type.
type WidgetSpec struct {
	// phase is the current phase.
	Phase Phase `json:"phase,omitempty"`
	// phases is a list of phases.
	Phases []Phase `json:"phases,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
