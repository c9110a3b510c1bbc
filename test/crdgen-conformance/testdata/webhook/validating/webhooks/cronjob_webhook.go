// Package webhooks holds one validating webhook.
package webhooks

// +kubebuilder:webhook:path=/validate-batch-tutorial-kubebuilder-io-v1-cronjob,mutating=false,failurePolicy=fail,sideEffects=None,groups=batch.tutorial.kubebuilder.io,resources=cronjobs,verbs=create;update,versions=v1,name=vcronjob-v1.kb.io,admissionReviewVersions=v1

// SetupCronJobWebhook is where the markers sit in a Go project.
func SetupCronJobWebhook() {}
