package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Ref is atomic.
// +structType=atomic
type Ref struct {
	// name is a name.
	Name string `json:"name,omitempty"`
}

// Labels is a granular map type.
// +mapType=granular
type Labels map[string]string

// WidgetSpec has atomic maps and structs.
type WidgetSpec struct {
	// selector is replaced as a whole.
	// +mapType=atomic
	Selector map[string]string `json:"selector,omitempty"`
	// ref is atomic by its type.
	Ref Ref `json:"ref,omitempty"`
	// owner is atomic by its field.
	// +structType=atomic
	Owner Owner `json:"owner,omitempty"`
	// labels is granular by its type.
	Labels Labels `json:"labels,omitempty"`
}

// Owner is an owner.
type Owner struct {
	// uid is an id.
	UID string `json:"uid,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
