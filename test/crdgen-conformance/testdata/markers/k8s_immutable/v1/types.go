package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has immutable fields.
type WidgetSpec struct {
	// class cannot change once set.
	// +k8s:immutable
	Class string `json:"class,omitempty"`
	// zone is required and cannot change.
	// +k8s:immutable
	Zone string `json:"zone"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
