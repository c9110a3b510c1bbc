package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Range is an interval.
// +kubebuilder:validation:XValidation:rule="self.min <= self.max",message="type rule"
type Range struct {
	// min is the lower bound.
	Min int32 `json:"min"`
	// max is the upper bound.
	Max int32 `json:"max"`
}

// WidgetSpec adds a field rule over a type rule.
type WidgetSpec struct {
	// range has its own rule too.
	// +kubebuilder:validation:XValidation:rule="self.max < 100",message="field rule"
	Range Range `json:"range,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
