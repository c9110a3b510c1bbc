/**
 * The markers `uselessctl create webhook --group ships --version v1 --kind Frigate --defaulting
 * --programmatic-validation` writes (domain example.com), in the order of its webhook file
 * (scaffold/plan_webhook.test.ts checks that the template still writes exactly these).
 *
 * +kubebuilder:webhook:path=/mutate-ships-example-com-v1-frigate,mutating=true,failurePolicy=fail,sideEffects=None,groups=ships.example.com,resources=frigates,verbs=create;update,versions=v1,name=mfrigate-v1.kb.io,admissionReviewVersions=v1
 */
export class FrigateCustomDefaulter {}

/**
 * +kubebuilder:webhook:path=/validate-ships-example-com-v1-frigate,mutating=false,failurePolicy=fail,sideEffects=None,groups=ships.example.com,resources=frigates,verbs=create;update,versions=v1,name=vfrigate-v1.kb.io,admissionReviewVersions=v1
 */
export class FrigateCustomValidator {}
