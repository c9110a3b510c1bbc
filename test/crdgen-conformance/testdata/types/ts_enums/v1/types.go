package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Color is a string enum.
// +kubebuilder:validation:Enum=red;green;blue
type Color string

// Level is a numeric enum, counted from 1.
// +kubebuilder:validation:Enum=1;2;4
type Level int

// Phase is a const enum.
// +kubebuilder:validation:Enum=Pending;Running
type Phase string

// Ratio is a numeric enum of fractions.
// +kubebuilder:validation:Enum=0.5;1
type Ratio float64

// WidgetSpec uses TypeScript enums.
type WidgetSpec struct {
	// color is a color.
	Color Color `json:"color,omitempty"`
	// level is a level.
	Level Level `json:"level,omitempty"`
	// phase is a phase.
	Phase Phase `json:"phase,omitempty"`
	// ratio is a ratio.
	Ratio Ratio `json:"ratio,omitempty"`
	// warm is red or green, two members of Color.
	// +kubebuilder:validation:Enum=red;green
	Warm string `json:"warm,omitempty"`
	// colors are colors.
	Colors []Color `json:"colors,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
