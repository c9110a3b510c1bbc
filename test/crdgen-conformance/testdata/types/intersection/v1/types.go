package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Common holds shared fields.
type Common struct {
	// owner is shared.
	Owner string `json:"owner,omitempty"`
}

// Extra holds more fields.
type Extra struct {
	// note is extra.
	Note string `json:"note,omitempty"`
}

// WidgetSpec embeds two structs.
type WidgetSpec struct {
	Common `json:",inline"`
	Extra  `json:",inline"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
