package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Shared is used twice.
type Shared struct {
	// a is a.
	A string `json:"a,omitempty"`
}

// WidgetSpec uses Shared twice.
type WidgetSpec struct {
	// one is Shared.
	One Shared `json:"one,omitempty"`
	// two is Shared.
	Two []Shared `json:"two,omitempty"`
	// three is Shared.
	Three map[string]Shared `json:"three,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
