package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec is plain.
type WidgetSpec struct {
	// size is a size.
	Size int32 `json:"size,omitempty"`
}

// WidgetStatus has conditions.
type WidgetStatus struct {
	// conditions are the standard conditions.
	Conditions []metav1.Condition `json:"conditions,omitempty"`
	// observedGeneration is the generation seen.
	ObservedGeneration int64 `json:"observedGeneration,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
	Status WidgetStatus `json:"status,omitempty"`
}
