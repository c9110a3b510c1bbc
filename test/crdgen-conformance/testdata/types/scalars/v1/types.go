package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec holds one field per scalar type.
type WidgetSpec struct {
	// name is a string.
	Name string `json:"name"`
	// enabled is a bool.
	Enabled bool `json:"enabled,omitempty"`
	// count is an int32.
	Count int32 `json:"count,omitempty"`
	// total is an int64.
	Total int64 `json:"total,omitempty"`
	// ratio is a float64.
	Ratio float64 `json:"ratio,omitempty"`
	// optionalName is a pointer to a string.
	OptionalName *string `json:"optionalName,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
