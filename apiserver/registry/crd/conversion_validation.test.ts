import assert from "node:assert/strict";
import { test } from "node:test";
import { conversionErrors } from "./conversion_validation.js";

const messages = (conversion: Parameters<typeof conversionErrors>[0]) =>
  conversionErrors(conversion).map((error) => `${error.field}: ${error.detail}`);

test("a Webhook strategy needs a client config and a recognized review version", () => {
  assert.deepEqual(messages({ strategy: "Webhook" }), [
    "spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook",
    "spec.conversion.conversionReviewVersions: Required value",
  ]);
  assert.deepEqual(
    messages({
      strategy: "Webhook",
      webhook: { clientConfig: { url: "https://example.com/convert" }, conversionReviewVersions: ["v2", "v2"] },
    }),
    [
      'spec.conversion.conversionReviewVersions[1]: Invalid value: "v2": duplicate version',
      'spec.conversion.conversionReviewVersions: Invalid value: ["v2","v2"]: must include at least one of v1, v1beta1',
    ],
  );
  assert.deepEqual(messages({ strategy: "Webhook", webhook: { clientConfig: {}, conversionReviewVersions: ["v1"] } }), [
    "spec.conversion.webhookClientConfig: Required value: exactly one of url or service is required",
  ]);
});

test("strategy None refuses webhook settings; an unknown strategy is not supported", () => {
  assert.deepEqual(
    messages({ strategy: "None", webhook: { clientConfig: { url: "https://x" }, conversionReviewVersions: ["v1"] } }),
    [
      "spec.conversion.webhookClientConfig: Forbidden: should not be set when strategy is not set to Webhook",
      "spec.conversion.conversionReviewVersions: Forbidden: should not be set when strategy is not set to Webhook",
    ],
  );
  assert.deepEqual(messages({ strategy: "Magic" }), [
    'spec.conversion.strategy: Unsupported value: "Magic": supported values: "None", "Webhook"',
  ]);
});
