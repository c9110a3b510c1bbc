// Package webhooks holds a defaulting and a validating webhook of one kind.
package webhooks

// +kubebuilder:webhook:path=/validate-useless-example-com-v1alpha1-machine,mutating=false,failurePolicy=Fail,sideEffects=None,groups=useless.example.com,resources=machines,verbs=create;update;delete,versions=v1alpha1,name=vmachine-v1alpha1.kb.io,admissionReviewVersions=v1
// +kubebuilder:webhook:path=/mutate-useless-example-com-v1alpha1-machine,mutating=true,failurePolicy=Fail,sideEffects=None,groups=useless.example.com,resources=machines,verbs=create;update,versions=v1alpha1,name=mmachine-v1alpha1.kb.io,admissionReviewVersions=v1

// SetupMachineWebhook is where the markers sit in a Go project.
func SetupMachineWebhook() {}
