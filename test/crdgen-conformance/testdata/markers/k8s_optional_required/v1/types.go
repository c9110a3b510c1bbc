package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Inner is an object.
type Inner struct {
	// value is a value.
	Value string `json:"value,omitempty"`
}

// WidgetSpec uses the k8s: requiredness markers.
type WidgetSpec struct {
	// name is required, so at least one character long.
	// +k8s:required
	Name string `json:"name,omitempty"`
	// items are required, so at least one.
	// +k8s:required
	Items []string `json:"items,omitempty"`
	// labels are required, so at least one key.
	// +k8s:required
	Labels map[string]string `json:"labels,omitempty"`
	// code is required with its own minimum length.
	// +k8s:required
	// +kubebuilder:validation:MinLength=3
	Code string `json:"code,omitempty"`
	// note is optional.
	// +k8s:optional
	Note string `json:"note"`
	// count is required.
	// +k8s:required
	Count int32 `json:"count,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
