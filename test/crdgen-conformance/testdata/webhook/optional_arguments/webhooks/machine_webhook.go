// Package webhooks uses every optional argument, values in other cases than the API's.
package webhooks

// +kubebuilder:webhookconfiguration:mutating=true,name=useless-mutating
// +kubebuilder:webhookconfiguration:mutating=false,name=useless-validating
// +kubebuilder:webhook:path=/mutate-useless-example-com-v1alpha1-machine,mutating=true,failurePolicy=ignore,matchPolicy=exact,sideEffects=noneondryrun,timeoutSeconds=25,groups=useless.example.com,resources=machines,verbs=CREATE;Update,versions=v1alpha1,name=mmachine-v1alpha1.kb.io,serviceName=useless-webhooks,serviceNamespace=useless-system,servicePort=9443,webhookVersions=v1,admissionReviewVersions=v1;v1beta1,reinvocationPolicy=ifneeded
// +kubebuilder:webhook:path=/mutate-useless-example-com-v1alpha1-switch,mutating=true,failurePolicy=Fail,matchPolicy=Equivalent,sideEffects=None,timeoutSeconds=1,groups=useless.example.com,resources=switches,verbs=create,versions=v1alpha1,name=mswitch-v1alpha1.kb.io,admissionReviewVersions=v1,reinvocationPolicy=Never
// +kubebuilder:webhook:url="https://webhooks.example.com:8443/validate-machine",mutating=false,failurePolicy=Fail,matchPolicy=Exact,sideEffects=None,timeoutSeconds=30,groups=useless.example.com,resources=machines,verbs=delete,versions=v1alpha1;v1beta1,name=vmachine-v1alpha1.kb.io,admissionReviewVersions=v1,reinvocationPolicy=IfNeeded

// SetupMachineWebhook is where the markers sit in a Go project.
func SetupMachineWebhook() {}
