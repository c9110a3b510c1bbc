package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec constrains list items.
type WidgetSpec struct {
	// ports are each between 1 and 65535.
	// +kubebuilder:validation:items:Minimum=1
	// +kubebuilder:validation:items:Maximum=65535
	// +kubebuilder:validation:items:MultipleOf=1
	Ports []int32 `json:"ports,omitempty"`
	// names are each short lowercase words.
	// +kubebuilder:validation:items:MinLength=2
	// +kubebuilder:validation:items:MaxLength=8
	// +kubebuilder:validation:items:Pattern=`^[a-z]+$`
	// +kubebuilder:validation:items:Format=hostname
	Names []string `json:"names,omitempty"`
	// modes are each one of read or write.
	// +kubebuilder:validation:items:Enum=read;write
	Modes []string `json:"modes,omitempty"`
	// matrix rows are each one or two long.
	// +kubebuilder:validation:items:MinItems=1
	// +kubebuilder:validation:items:MaxItems=2
	Matrix [][]int64 `json:"matrix,omitempty"`
	// bounds are each strictly positive.
	// +kubebuilder:validation:items:Minimum=0
	// +kubebuilder:validation:items:ExclusiveMinimum=true
	// +kubebuilder:validation:items:Maximum=9
	// +kubebuilder:validation:items:ExclusiveMaximum=true
	Bounds []int32 `json:"bounds,omitempty"`
	// maps each have one or two keys.
	// +kubebuilder:validation:items:MinProperties=1
	// +kubebuilder:validation:items:MaxProperties=2
	Maps []map[string]string `json:"maps,omitempty"`
	// texts each have a CEL rule.
	// +kubebuilder:validation:items:XValidation:rule="self != 'x'",message="no x"
	Texts []string `json:"texts,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
