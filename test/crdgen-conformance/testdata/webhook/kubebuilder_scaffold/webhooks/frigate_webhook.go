// Package webhooks holds the markers kubebuilder v4's `create webhook --group ships --version v1
// --kind Frigate --defaulting --programmatic-validation` writes (domain example.com), in the order
// of its webhook file: the defaulter's, then the validator's.
package webhooks

// +kubebuilder:webhook:path=/mutate-ships-example-com-v1-frigate,mutating=true,failurePolicy=fail,sideEffects=None,groups=ships.example.com,resources=frigates,verbs=create;update,versions=v1,name=mfrigate-v1.kb.io,admissionReviewVersions=v1

// FrigateDefaulter is where kubebuilder puts the defaulting marker.
type FrigateDefaulter struct{}

// +kubebuilder:webhook:path=/validate-ships-example-com-v1-frigate,mutating=false,failurePolicy=fail,sideEffects=None,groups=ships.example.com,resources=frigates,verbs=create;update,versions=v1,name=vfrigate-v1.kb.io,admissionReviewVersions=v1

// FrigateValidator is where kubebuilder puts the validating marker.
type FrigateValidator struct{}
