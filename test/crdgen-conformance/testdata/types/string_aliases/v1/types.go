package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Color is a named string.
type Color string

// Count is a named integer.
type Count int32

// Colors is a named list.
type Colors []Color

// Palette is a named map.
type Palette map[string]Color

// WidgetSpec uses named scalar and collection types.
type WidgetSpec struct {
	// color is a Color.
	Color Color `json:"color,omitempty"`
	// count is a Count.
	Count Count `json:"count,omitempty"`
	// colors is Colors.
	Colors Colors `json:"colors,omitempty"`
	// palette is a Palette.
	Palette Palette `json:"palette,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
