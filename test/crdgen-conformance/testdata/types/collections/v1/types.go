package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Item is a list element.
type Item struct {
	// id is an id.
	ID string `json:"id"`
}

// WidgetSpec holds collections.
type WidgetSpec struct {
	// names is a list of strings.
	Names []string `json:"names,omitempty"`
	// items is a list of objects.
	Items []Item `json:"items,omitempty"`
	// grid is a list of lists.
	Grid [][]int32 `json:"grid,omitempty"`
	// labels is a map of strings.
	Labels map[string]string `json:"labels,omitempty"`
	// counts is a map of integers.
	Counts map[string]int64 `json:"counts,omitempty"`
	// byName is a map of objects.
	ByName map[string]Item `json:"byName,omitempty"`
	// groups is a map of lists.
	Groups map[string][]string `json:"groups,omitempty"`
	// nested is a map of maps.
	Nested map[string]map[string]bool `json:"nested,omitempty"`
	// pointers is a list of pointers.
	Pointers []*Item `json:"pointers,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
