package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
)

// Settings keeps unknown fields.
// +kubebuilder:pruning:PreserveUnknownFields
type Settings struct {
	// known is a known field.
	Known string `json:"known,omitempty"`
}

// WidgetSpec has free-form parts.
type WidgetSpec struct {
	// settings keeps unknown fields through its type.
	Settings Settings `json:"settings,omitempty"`
	// extra keeps unknown fields through its field marker.
	// +kubebuilder:validation:XPreserveUnknownFields
	Extra map[string]string `json:"extra,omitempty"`
	// payload is any JSON.
	Payload *apiextensionsv1.JSON `json:"payload,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
