package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Port is a port number.
// +kubebuilder:validation:Minimum=1
// +kubebuilder:validation:Maximum=65535
type Port int32

// WidgetSpec narrows a type's bounds on a field.
type WidgetSpec struct {
	// port is narrowed to unprivileged ports.
	// +kubebuilder:validation:Minimum=1024
	Port Port `json:"port,omitempty"`
	// same repeats the type's minimum.
	// +kubebuilder:validation:Minimum=1
	Same Port `json:"same,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
