package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec constrains list items the typescript-json-schema way.
type WidgetSpec struct {
	// ports are each between 1 and 65535.
	// +kubebuilder:validation:items:Minimum=1
	// +kubebuilder:validation:items:Maximum=65535
	Ports []int32 `json:"ports,omitempty"`
	// names are each short lowercase words.
	// +kubebuilder:validation:items:MinLength=2
	// +kubebuilder:validation:items:MaxLength=8
	// +kubebuilder:validation:items:Pattern=`^[a-z]+$`
	// +kubebuilder:validation:items:Format=hostname
	Names []string `json:"names,omitempty"`
	// bounds are each strictly positive and strictly below 9.
	// +kubebuilder:validation:items:Minimum=0
	// +kubebuilder:validation:items:ExclusiveMinimum=true
	// +kubebuilder:validation:items:Maximum=9
	// +kubebuilder:validation:items:ExclusiveMaximum=true
	Bounds []int32 `json:"bounds,omitempty"`
	// counts are each integers.
	// +kubebuilder:validation:items:Type=integer
	// +kubebuilder:validation:MinItems=1
	// +kubebuilder:validation:MaxItems=3
	Counts []float64 `json:"counts,omitempty"`
	// modes are each read or write.
	// +kubebuilder:validation:items:Enum=read;write
	Modes []string `json:"modes,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
