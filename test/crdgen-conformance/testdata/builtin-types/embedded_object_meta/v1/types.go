package v1

import (
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// BatchSpec holds templates whose metadata is generated.
type BatchSpec struct {
	// template is the pod each run starts.
	Template corev1.PodTemplateSpec `json:"template"`

	// claims the pods make.
	// +optional
	Claims []corev1.PersistentVolumeClaim `json:"claims,omitempty"`

	// set is a stateful set's spec, with its own templates.
	// +optional
	Set *appsv1.StatefulSetSpec `json:"set,omitempty"`

	// labels of a template of this API's own.
	// +optional
	Own OwnTemplate `json:"own,omitempty"`
}

// OwnTemplate is a template type of the API's own.
type OwnTemplate struct {
	// metadata of the objects made from it.
	// +optional
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// replicas of them.
	// +optional
	Replicas *int32 `json:"replicas,omitempty"`
}

// Batch is the fixture's kind.
// +kubebuilder:object:root=true
type Batch struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec BatchSpec `json:"spec,omitempty"`
}
