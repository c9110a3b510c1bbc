package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Leaf is the innermost object.
type Leaf struct {
	// value is a value.
	Value string `json:"value"`
}

// Branch holds a leaf.
type Branch struct {
	// leaf is required.
	Leaf Leaf `json:"leaf"`
	// optionalLeaf is optional.
	OptionalLeaf *Leaf `json:"optionalLeaf,omitempty"`
}

// WidgetSpec holds nested objects.
type WidgetSpec struct {
	// branch is a branch.
	Branch Branch `json:"branch"`
}

// WidgetStatus is observed state.
type WidgetStatus struct {
	// observed is a branch too.
	Observed *Branch `json:"observed,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
	Status WidgetStatus `json:"status,omitempty"`
}
