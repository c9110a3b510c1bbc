package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has columns.
type WidgetSpec struct {
	// replicas is the desired count.
	Replicas int32 `json:"replicas,omitempty"`
	// ratio is a ratio.
	Ratio float64 `json:"ratio,omitempty"`
}

// WidgetStatus is observed state.
type WidgetStatus struct {
	// phase is a phase.
	Phase string `json:"phase,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:printcolumn:name="Replicas",type=integer,JSONPath=`.spec.replicas`,description="desired replicas"
// +kubebuilder:printcolumn:name="Phase",type=string,JSONPath=`.status.phase`,priority=1
// +kubebuilder:printcolumn:name="Age",type=date,JSONPath=`.metadata.creationTimestamp`
// +kubebuilder:printcolumn:name="Ratio",type=number,JSONPath=`.spec.ratio`,format=double
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
	Status WidgetStatus `json:"status,omitempty"`
}
