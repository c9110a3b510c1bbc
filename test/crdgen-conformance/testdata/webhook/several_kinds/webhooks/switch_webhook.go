// Package webhooks holds webhooks of several kinds, written out of name order across files.
package webhooks

// +kubebuilder:webhook:path=/validate-useless-example-com-v1alpha1-switch,mutating=false,failurePolicy=Fail,sideEffects=None,groups=useless.example.com,resources=switches,verbs=create;update,versions=v1alpha1,name=vswitch-v1alpha1.kb.io,admissionReviewVersions=v1
// +kubebuilder:webhook:path=/mutate-v1-pod,mutating=true,failurePolicy=Ignore,sideEffects=None,groups=core,resources=pods,verbs=create,versions=v1,name=mpod-v1.kb.io,admissionReviewVersions={v1,v1beta1}

// SetupSwitchWebhook is where the markers sit in a Go project.
func SetupSwitchWebhook() {}
