/**
 * Webhooks (controller-runtime's pkg/webhook): the HTTPS {@link WebhookServer} the manager runs,
 * admission webhooks from a typed {@link CustomDefaulter} / {@link CustomValidator}, and CRD
 * conversion between a hub version and its spokes. Most code uses them through the builder:
 * `webhookManagedBy(mgr).for(Machine).withDefaulter(d).withValidator(v).complete()`.
 */
export {
  WebhookServer,
  DEFAULT_WEBHOOK_SERVER_OPTIONS,
  type WebhookServerOptions,
  type WebhookServerDependencies,
} from "./server.js";
export { CertWatcher, readKeyPair, type KeyPair, type CertWatcherOptions } from "./cert_watcher.js";
export {
  admissionHttpHandler,
  MAX_ADMISSION_REQUEST_BYTES,
  type AdmissionContext,
  type AdmissionHandler,
  type WebhookHttpHandler,
} from "./admission/webhook.js";
export {
  defaultingHandler,
  validatingHandler,
  type CustomDefaulter,
  type CustomValidator,
  type Warnings,
} from "./admission/custom.js";
export {
  allowed,
  denied,
  errored,
  type Answer,
  type AdmissionOperation,
  type AdmissionRequest,
  type AdmissionResponse,
  type AdmissionReview,
  type AdmissionUserInfo,
  type JsonPatchOperation,
} from "./admission/review.js";
export { createJsonPatch } from "./admission/json_patch.js";
export {
  StatusError,
  invalid,
  forbidden,
  fieldError,
  type FieldError,
  type GroupKind,
} from "./admission/status_error.js";
export {
  conversionFor,
  convertObject,
  ConversionRegistry,
  ConversionSetupError,
  type Spoke,
  type HubConversion,
} from "./conversion/conversion.js";
export {
  conversionHttpHandler,
  convertRequest,
  type ConversionReview,
  type ConversionRequest,
  type ConversionResponse,
} from "./conversion/review.js";
