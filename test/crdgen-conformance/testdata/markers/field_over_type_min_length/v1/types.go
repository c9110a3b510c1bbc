package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ShortName is a name of at least 4 characters.
// +kubebuilder:validation:MinLength=4
type ShortName string

// WidgetSpec uses ShortName with a stricter field marker.
type WidgetSpec struct {
	// name is at least 10 characters long.
	// +kubebuilder:validation:MinLength=10
	Name ShortName `json:"name,omitempty"`
	// other keeps the type's limit.
	Other ShortName `json:"other,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
