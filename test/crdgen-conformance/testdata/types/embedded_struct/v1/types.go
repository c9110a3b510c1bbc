package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Common holds shared fields.
type Common struct {
	// owner is shared.
	Owner string `json:"owner,omitempty"`
	// team is shared and required.
	Team string `json:"team"`
}

// WidgetSpec embeds Common.
type WidgetSpec struct {
	Common `json:",inline"`
	// size is its own.
	Size int32 `json:"size,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
