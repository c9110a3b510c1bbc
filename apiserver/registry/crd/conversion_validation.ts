/**
 * The CRD rules on spec.conversion (apiextensions validation's validateCustomResourceConversion),
 * reported at the internal version's paths as kube-apiserver does: the v1 `webhook.clientConfig`
 * and `webhook.conversionReviewVersions` are `webhookClientConfig` and `conversionReviewVersions`.
 */
import { dns1035LabelErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { clientConfigErrors } from "../admissionregistration/webhook_client_config.js";
import type { ConversionSpec } from "./conversion_webhook.js";

const acceptedReviewVersions = ["v1", "v1beta1"];

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
  errors.push(...reviewVersionErrors(reviewVersions, `${path}.conversionReviewVersions`));
  return errors;
}

/** validateConversionReviewVersions, a recognized version required (as on create). */
function reviewVersionErrors(versions: readonly string[], path: string): FieldError[] {
  if (!versions.length) return [fieldErrors.required(path, "")];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((version, index) => {
    if (seen.has(version)) {
      errors.push(fieldErrors.invalid(`${path}[${index}]`, version, "duplicate version"));
      return;
    }
    seen.add(version);
    for (const why of dns1035LabelErrors(version)) errors.push(fieldErrors.invalid(`${path}[${index}]`, version, why));
  });
  if (!versions.some((version) => acceptedReviewVersions.includes(version)))
    errors.push(
      fieldErrors.invalid(path, versions, `must include at least one of ${acceptedReviewVersions.join(", ")}`),
    );
  return errors;
}
