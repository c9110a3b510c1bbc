/**
 * The CRD rules on spec.conversion (apiextensions validation's validateCustomResourceConversion),
 * reported at the internal version's paths as kube-apiserver does: the v1 `webhook.clientConfig`
 * and `webhook.conversionReviewVersions` are `webhookClientConfig` and `conversionReviewVersions`.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { clientConfigErrors } from "../admissionregistration/webhook_client_config.js";
import { reviewVersionsErrors } from "../admissionregistration/webhooks.js";
import type { ConversionSpec } from "./conversion_webhook.js";

export function conversionErrors(conversion: ConversionSpec | null | undefined): FieldError[] {
  if (!conversion) return [];
  const path = "spec.conversion";
  const errors: FieldError[] = [];
  if (!conversion.strategy) errors.push(fieldErrors.required(`${path}.strategy`, ""));
  else if (!["None", "Webhook"].includes(conversion.strategy))
    errors.push(fieldErrors.notSupported(`${path}.strategy`, conversion.strategy, ["None", "Webhook"]));
  const clientConfig = conversion.webhook?.clientConfig;
  const reviewVersions = conversion.webhook?.conversionReviewVersions ?? [];
  if (conversion.strategy !== "Webhook") {
    if (clientConfig)
      errors.push(
        fieldErrors.forbidden(`${path}.webhookClientConfig`, "should not be set when strategy is not set to Webhook"),
      );
    if (reviewVersions.length)
      errors.push(
        fieldErrors.forbidden(
          `${path}.conversionReviewVersions`,
          "should not be set when strategy is not set to Webhook",
        ),
      );
    return errors;
  }
  if (!clientConfig)
    errors.push(fieldErrors.required(`${path}.webhookClientConfig`, "required when strategy is set to Webhook"));
  else errors.push(...clientConfigErrors(clientConfig, `${path}.webhookClientConfig`));
  errors.push(...reviewVersionsErrors(reviewVersions, true, `${path}.conversionReviewVersions`, ""));
  return errors;
}
