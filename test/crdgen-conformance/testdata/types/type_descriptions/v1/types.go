package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Inner is documented on its type.
//
// It has a second paragraph.
type Inner struct {
	// value is documented.
	Value string `json:"value,omitempty"`
}

// WidgetSpec mixes field and type docs.
type WidgetSpec struct {
	// first has a field doc that wins over the type's.
	First Inner `json:"first,omitempty"`
	Second Inner `json:"second,omitempty"`
	Undocumented string `json:"undocumented,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
