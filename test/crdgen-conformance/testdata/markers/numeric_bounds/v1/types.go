package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has numeric bounds.
type WidgetSpec struct {
	// replicas is between 1 and 10.
	// +kubebuilder:validation:Minimum=1
	// +kubebuilder:validation:Maximum=10
	Replicas int32 `json:"replicas,omitempty"`
	// weight is a multiple of 5, strictly above 0 and strictly below 100.
	// +kubebuilder:validation:Minimum=0
	// +kubebuilder:validation:ExclusiveMinimum=true
	// +kubebuilder:validation:Maximum=100
	// +kubebuilder:validation:ExclusiveMaximum=true
	// +kubebuilder:validation:MultipleOf=5
	Weight int64 `json:"weight,omitempty"`
	// offset may be negative.
	// +kubebuilder:validation:Minimum=-5
	Offset int32 `json:"offset,omitempty"`
	// scale is a fraction.
	// +kubebuilder:validation:Minimum=0.5
	// +kubebuilder:validation:Maximum=2.5
	Scale float64 `json:"scale,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
