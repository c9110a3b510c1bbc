/**
 * The webhook's markers.
 * +kubebuilder:webhook:path=/validate-useless-example-com-v1alpha1-switch,mutating=false,failurePolicy=Fail,sideEffects=None,groups=useless.example.com,resources=switches,verbs=create;update,versions=v1alpha1,name=vswitch-v1alpha1.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-v1-pod,mutating=true,failurePolicy=Ignore,sideEffects=None,groups=core,resources=pods,verbs=create,versions=v1,name=mpod-v1.kb.io,admissionReviewVersions={v1,v1beta1}
 */
export function setupSwitchWebhook(): void {}
