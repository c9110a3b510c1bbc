package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec overrides types.
type WidgetSpec struct {
	// raw is declared as a string, typed as an integer.
	// +kubebuilder:validation:Type=integer
	Raw string `json:"raw,omitempty"`
	// anything is schemaless, typed object, keeping unknown fields.
	// +kubebuilder:validation:Schemaless
	// +kubebuilder:validation:Type=object
	// +kubebuilder:pruning:PreserveUnknownFields
	Anything map[string]string `json:"anything,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
