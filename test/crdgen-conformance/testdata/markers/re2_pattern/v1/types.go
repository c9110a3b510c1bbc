package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has RE2-only patterns.
type WidgetSpec struct {
	// word has no punctuation or space (POSIX class in a bracket).
	// +kubebuilder:validation:Pattern=`^[^[:punct:]\s]+$`
	Word string `json:"word,omitempty"`
	// ascii is ASCII letters by Perl class and flags.
	// +kubebuilder:validation:Pattern=`(?i)^\pL[[:alnum:]]*\z`
	ASCII string `json:"ascii,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
