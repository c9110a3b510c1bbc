package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Base is the full shape.
type Base struct {
	// name is a name.
	Name string `json:"name"`
	// size is a size.
	// +kubebuilder:validation:Minimum=1
	Size int32 `json:"size,omitempty"`
	// labels are labels.
	Labels map[string]string `json:"labels,omitempty"`
}

// BasePatch is Partial<Base>.
type BasePatch struct {
	// name is a name.
	Name string `json:"name,omitempty"`
	// size is a size.
	// +kubebuilder:validation:Minimum=1
	Size int32 `json:"size,omitempty"`
	// labels are labels.
	Labels map[string]string `json:"labels,omitempty"`
}

// BaseFull is Required<Base>.
type BaseFull struct {
	// name is a name.
	Name string `json:"name"`
	// size is a size.
	// +kubebuilder:validation:Minimum=1
	Size int32 `json:"size"`
	// labels are labels.
	Labels map[string]string `json:"labels"`
}

// BasePicked is Pick<Base, Keys>.
type BasePicked struct {
	// name is a name.
	Name string `json:"name"`
	// size is a size.
	// +kubebuilder:validation:Minimum=1
	Size int32 `json:"size,omitempty"`
}

// BaseRest is Omit<Base, "name">.
type BaseRest struct {
	// size is a size.
	// +kubebuilder:validation:Minimum=1
	Size int32 `json:"size,omitempty"`
	// labels are labels.
	Labels map[string]string `json:"labels,omitempty"`
}

// Derived is a base without labels, and more.
type Derived struct {
	// name is a name.
	Name string `json:"name"`
	// size is a size.
	// +kubebuilder:validation:Minimum=1
	Size int32 `json:"size,omitempty"`
	// extra is extra.
	Extra string `json:"extra,omitempty"`
}

// BaseMix is Partial<Pick<Base, "name" | "labels">>.
type BaseMix struct {
	// name is a name.
	Name string `json:"name,omitempty"`
	// labels are labels.
	Labels map[string]string `json:"labels,omitempty"`
}

// WidgetSpec uses TypeScript's utility types.
type WidgetSpec struct {
	// patch is a base whose fields are all optional.
	Patch BasePatch `json:"patch,omitempty"`
	// full is a base whose fields are all required.
	Full BaseFull `json:"full,omitempty"`
	// picked keeps the name and the size.
	Picked BasePicked `json:"picked,omitempty"`
	// rest is all but the name.
	Rest BaseRest `json:"rest,omitempty"`
	// frozen is a read-only base.
	Frozen Base `json:"frozen,omitempty"`
	// derived extends an Omit.
	Derived Derived `json:"derived,omitempty"`
	// mix is a partial pick.
	Mix BaseMix `json:"mix,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
