// Package webhooks holds one mutating webhook.
package webhooks

// +kubebuilder:webhook:path=/mutate-batch-tutorial-kubebuilder-io-v1-cronjob,mutating=true,failurePolicy=fail,sideEffects=None,groups=batch.tutorial.kubebuilder.io,resources=cronjobs,verbs=create;update,versions=v1,name=mcronjob-v1.kb.io,admissionReviewVersions=v1

// SetupCronJobWebhook is where the markers sit in a Go project.
func SetupCronJobWebhook() {}
