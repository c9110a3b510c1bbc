package v2

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec is v2.
type WidgetSpec struct {
	// size is a number in v2.
	Size int32 `json:"size,omitempty"`
}

// WidgetStatus is v2 status.
type WidgetStatus struct {
	// ok is ok.
	OK bool `json:"ok,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:storageversion
// +kubebuilder:printcolumn:name="Size",type=integer,JSONPath=`.spec.size`
// +kubebuilder:subresource:status
// +kubebuilder:selectablefield:JSONPath=`.spec.size`
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
	Status WidgetStatus `json:"status,omitempty"`
}
