package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has defaults.
type WidgetSpec struct {
	// mode defaults to Auto.
	// +kubebuilder:default=Auto
	Mode string `json:"mode,omitempty"`
	// replicas defaults to 3.
	// +kubebuilder:default=3
	Replicas int32 `json:"replicas,omitempty"`
	// enabled defaults to true.
	// +kubebuilder:default=true
	Enabled bool `json:"enabled,omitempty"`
	// tags default to a list.
	// +kubebuilder:default={a,b}
	Tags []string `json:"tags,omitempty"`
	// empty defaults to an empty list.
	// +kubebuilder:default={}
	Empty []string `json:"empty,omitempty"`
	// policy defaults to an object.
	// +kubebuilder:default={name: "x", count: 2}
	Policy Policy `json:"policy,omitempty"`
	// ratio defaults to 1.5.
	// +kubebuilder:default=1.5
	Ratio float64 `json:"ratio,omitempty"`
}

// Policy is a small object.
type Policy struct {
	// name is a name.
	Name string `json:"name,omitempty"`
	// count is a count.
	Count int32 `json:"count,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
