package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
)

// WidgetSpec holds free-form values.
type WidgetSpec struct {
	// raw is any embedded object.
	Raw runtime.RawExtension `json:"raw,omitempty"`
	// json is any JSON value.
	JSON apiextensionsv1.JSON `json:"json,omitempty"`
	// values are JSON values.
	Values []apiextensionsv1.JSON `json:"values,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
