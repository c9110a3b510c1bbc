package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// WidgetSpec has fields annotated for typescript-json-schema.
// +kubebuilder:validation:MinProperties=1
// +kubebuilder:validation:MaxProperties=9
type WidgetSpec struct {
	// name names the widget,
	// over two lines.
	// +required
	// +kubebuilder:validation:MinLength=1
	// +kubebuilder:validation:MaxLength=63
	// +kubebuilder:validation:Pattern=`^[a-z]([-a-z0-9]*[a-z0-9])?$`
	// +kubebuilder:example=demo
	Name string `json:"name,omitempty"`
	// size has a title, a default and an example.
	// +kubebuilder:title=Size
	// +default=3
	// +kubebuilder:example=5
	Size int32 `json:"size,omitempty"`
	// url may be null.
	// +nullable
	// +kubebuilder:validation:Format=uri
	URL string `json:"url,omitempty"`
	// cache lives in memory only.
	Cache map[string]string `json:"-"`
	// mode is optional though TypeScript says required.
	// +optional
	// +kubebuilder:validation:Enum=fast;safe
	Mode string `json:"mode"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
