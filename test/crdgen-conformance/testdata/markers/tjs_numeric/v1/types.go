package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has numbers annotated for typescript-json-schema.
type WidgetSpec struct {
	// count is an integer though TypeScript says number.
	// +kubebuilder:validation:Type=integer
	// +kubebuilder:validation:Minimum=0
	Count float64 `json:"count,omitempty"`
	// ratio is a number, spelled without the TJS- prefix.
	// +kubebuilder:validation:Type=number
	Ratio float64 `json:"ratio,omitempty"`
	// weight is strictly above 0 and strictly below 100 (draft-07 numbers).
	// +kubebuilder:validation:Minimum=0
	// +kubebuilder:validation:ExclusiveMinimum=true
	// +kubebuilder:validation:Maximum=100
	// +kubebuilder:validation:ExclusiveMaximum=true
	// +kubebuilder:validation:MultipleOf=5
	Weight int32 `json:"weight,omitempty"`
	// level is strictly above 1 and at most 9 (draft-04 flags).
	// +kubebuilder:validation:Minimum=1
	// +kubebuilder:validation:ExclusiveMinimum=true
	// +kubebuilder:validation:Maximum=9
	// +kubebuilder:validation:ExclusiveMaximum=false
	Level int32 `json:"level,omitempty"`
	// scale is a strictly positive fraction.
	// +kubebuilder:validation:Minimum=0.5
	// +kubebuilder:validation:ExclusiveMinimum=true
	Scale float64 `json:"scale,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
