package v1

import (
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// AppSpec gathers built-in types an operator's spec commonly holds.
type AppSpec struct {
	// containers run in the app's pods.
	// +listType=map
	// +listMapKey=name
	Containers []corev1.Container `json:"containers"`

	// sidecar runs beside them.
	// +optional
	Sidecar *corev1.Container `json:"sidecar,omitempty"`

	// imagePullSecrets for the images.
	// +optional
	ImagePullSecrets []corev1.LocalObjectReference `json:"imagePullSecrets,omitempty"`

	// ports the app's service exposes.
	// +optional
	Ports []corev1.ServicePort `json:"ports,omitempty"`

	// env of every container.
	// +optional
	Env []corev1.EnvVar `json:"env,omitempty"`

	// volumes of the pods.
	// +optional
	Volumes []corev1.Volume `json:"volumes,omitempty"`

	// affinity of the pods.
	// +optional
	Affinity *corev1.Affinity `json:"affinity,omitempty"`

	// tolerations of the pods.
	// +optional
	Tolerations []corev1.Toleration `json:"tolerations,omitempty"`

	// securityContext of the pods.
	// +optional
	SecurityContext *corev1.PodSecurityContext `json:"securityContext,omitempty"`

	// limits per resource name.
	// +optional
	Limits corev1.ResourceList `json:"limits,omitempty"`

	// storage is the volume size.
	// +optional
	Storage *resource.Quantity `json:"storage,omitempty"`

	// maxUnavailable during updates.
	// +optional
	MaxUnavailable *intstr.IntOrString `json:"maxUnavailable,omitempty"`

	// strategy of the app's deployment.
	// +optional
	Strategy appsv1.DeploymentStrategy `json:"strategy,omitempty"`

	// selector of the app's pods.
	// +optional
	Selector *metav1.LabelSelector `json:"selector,omitempty"`

	// ingress of the app.
	// +optional
	Ingress *networkingv1.IngressSpec `json:"ingress,omitempty"`

	// budget of the app.
	// +optional
	Budget *policyv1.PodDisruptionBudgetSpec `json:"budget,omitempty"`

	// metrics to scale on.
	// +optional
	Metrics []autoscalingv2.MetricSpec `json:"metrics,omitempty"`

	// claims the app's pods make.
	// +optional
	Claims []corev1.PersistentVolumeClaimTemplate `json:"claims,omitempty"`
}

// AppStatus is observed state.
type AppStatus struct {
	// conditions of the app's last pod.
	// +optional
	Conditions []corev1.PodCondition `json:"conditions,omitempty"`

	// loadBalancer of the app's service.
	// +optional
	LoadBalancer corev1.LoadBalancerStatus `json:"loadBalancer,omitempty"`

	// events about the app.
	// +optional
	Events []corev1.ObjectReference `json:"events,omitempty"`
}

// App is the fixture's kind.
// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
type App struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec   AppSpec   `json:"spec,omitempty"`
	Status AppStatus `json:"status,omitempty"`
}
