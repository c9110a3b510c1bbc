package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec uses the declarative validation bounds.
type WidgetSpec struct {
	// replicas is between 1 and 5.
	// +k8s:minimum=1
	// +k8s:maximum=5 # at most five
	Replicas int32 `json:"replicas,omitempty"`
	// hosts are at most 4.
	// +k8s:maxItems=4
	Hosts []string `json:"hosts,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
