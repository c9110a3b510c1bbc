package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Phase is the lifecycle phase.
// +k8s:enum
type Phase string

const (
	// PhaseRunning is running.
	PhaseRunning Phase = "Running"
	// PhaseDone is done.
	PhaseDone Phase = "Done"
	// PhasePending is pending.
	PhasePending Phase = "Pending"
)

// WidgetSpec uses a k8s:enum type.
type WidgetSpec struct {
	// phase is the current phase.
	Phase Phase `json:"phase,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
