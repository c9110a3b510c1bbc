package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Port is a named port.
type Port struct {
	// name is the key.
	Name string `json:"name"`
	// protocol is the second key.
	Protocol string `json:"protocol"`
	// number is the port.
	Number int32 `json:"number,omitempty"`
}

// WidgetSpec has associative lists.
type WidgetSpec struct {
	// ports are keyed by name and protocol.
	// +listType=map
	// +listMapKey=name
	// +listMapKey=protocol
	Ports []Port `json:"ports,omitempty"`
	// tags are a set.
	// +listType=set
	Tags []string `json:"tags,omitempty"`
	// args are atomic.
	// +listType=atomic
	Args []string `json:"args,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
