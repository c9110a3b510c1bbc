package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Source names where data comes from.
// +kubebuilder:validation:ExactlyOneOf=configMap;secret
// +kubebuilder:validation:AtMostOneOf=inline;url
// +kubebuilder:validation:AtLeastOneOf=configMap;url
type Source struct {
	// configMap is a config map name.
	ConfigMap string `json:"configMap,omitempty"`
	// secret is a secret name.
	Secret string `json:"secret,omitempty"`
	// inline is inline data.
	Inline string `json:"inline,omitempty"`
	// url is a URL.
	URL string `json:"url,omitempty"`
}

// WidgetSpec uses one-of constraints.
type WidgetSpec struct {
	// source is where data comes from.
	Source Source `json:"source,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
