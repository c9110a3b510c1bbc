package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has JSON defaults.
type WidgetSpec struct {
	// mode defaults to Auto.
	// +default="Auto"
	Mode string `json:"mode,omitempty"`
	// count defaults to 7.
	// +default=7
	Count int32 `json:"count,omitempty"`
	// tags default to a list.
	// +default=["x","y"]
	Tags []string `json:"tags,omitempty"`
	// labels default to a map.
	// +default={"a":"b"}
	Labels map[string]string `json:"labels,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
