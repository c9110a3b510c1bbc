package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Port is a named port.
type Port struct {
	// name is the key.
	Name string `json:"name"`
	// number is the port.
	Number int32 `json:"number,omitempty"`
}

// WidgetSpec uses the k8s: topology markers.
type WidgetSpec struct {
	// ports are keyed by name.
	// +k8s:listType=map
	// +k8s:listMapKey=name
	Ports []Port `json:"ports,omitempty"`
	// tags are a set.
	// +k8s:listType=set
	Tags []string `json:"tags,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
