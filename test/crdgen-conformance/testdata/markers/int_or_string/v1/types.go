package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/api/resource"
)

// WidgetSpec has int-or-string fields.
type WidgetSpec struct {
	// port is a number or a name.
	Port intstr.IntOrString `json:"port,omitempty"`
	// surge is a number or a percentage.
	// +kubebuilder:validation:XIntOrString
	// +kubebuilder:validation:Pattern=`^[0-9]+%?$`
	Surge *intstr.IntOrString `json:"surge,omitempty"`
	// size is a quantity.
	Size resource.Quantity `json:"size,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
