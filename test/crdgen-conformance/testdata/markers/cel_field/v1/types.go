package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has CEL rules.
type WidgetSpec struct {
	// min is the lower bound.
	Min int32 `json:"min,omitempty"`
	// max is the upper bound.
	// +kubebuilder:validation:XValidation:rule="self >= 0",message="max must not be negative"
	// +kubebuilder:validation:XValidation:rule="self <= 1000",messageExpression="'max is ' + string(self)",reason=FieldValueForbidden
	Max int32 `json:"max,omitempty"`
	// name is immutable.
	// +kubebuilder:validation:XValidation:rule="self == oldSelf",message="name is immutable",optionalOldSelf=true
	Name string `json:"name,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
