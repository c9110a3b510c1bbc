package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Name is a lowercase name.
// +kubebuilder:validation:Pattern=`^[a-z]+$`
// +kubebuilder:validation:MaxLength=20
type Name string

// WidgetSpec adds a pattern and an enum over a type's.
type WidgetSpec struct {
	// prefixed must also start with x.
	// +kubebuilder:validation:Pattern=`^x`
	Prefixed Name `json:"prefixed,omitempty"`
	// short is limited further and has a format.
	// +kubebuilder:validation:MaxLength=5
	// +kubebuilder:validation:Format=hostname
	Short Name `json:"short,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
