package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/api/resource"
)

// WidgetSpec holds the apimachinery value types.
type WidgetSpec struct {
	// startedAt is a time.
	StartedAt metav1.Time `json:"startedAt,omitempty"`
	// precise is a micro time.
	Precise *metav1.MicroTime `json:"precise,omitempty"`
	// timeout is a duration.
	Timeout metav1.Duration `json:"timeout,omitempty"`
	// memory is a quantity.
	Memory resource.Quantity `json:"memory,omitempty"`
	// limits are quantities.
	Limits map[string]resource.Quantity `json:"limits,omitempty"`
	// port is an int or string.
	Port intstr.IntOrString `json:"port,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
