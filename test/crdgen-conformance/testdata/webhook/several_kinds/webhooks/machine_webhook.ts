/**
 * The webhook's markers.
 * +kubebuilder:webhook:path=/validate-useless-example-com-v1alpha1-machine,mutating=false,failurePolicy=Fail,sideEffects=None,groups=useless.example.com,resources=machines;machines/status,verbs=*,versions=v1alpha1,name=vmachine-v1alpha1.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/validate-apps-v1-deployment,mutating=false,failurePolicy=Ignore,sideEffects=NoneOnDryRun,groups=apps,resources=deployments,verbs=create;update;delete;connect,versions=v1,name=vdeployment-v1.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-useless-example-com-v1alpha1-machine,mutating=true,failurePolicy=Fail,sideEffects=None,groups=useless.example.com,resources=machines,verbs=create;update,versions=v1alpha1,name=mmachine-v1alpha1.kb.io,admissionReviewVersions=v1
 */
export function setupMachineWebhook(): void {}
