package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Range is an interval.
// +kubebuilder:validation:XValidation:rule="self.min <= self.max",message="min must not exceed max",fieldPath=".min"
type Range struct {
	// min is the lower bound.
	Min int32 `json:"min"`
	// max is the upper bound.
	Max int32 `json:"max"`
}

// WidgetSpec uses a validated type.
type WidgetSpec struct {
	// range is validated by its type.
	Range Range `json:"range,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
