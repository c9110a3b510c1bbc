/**
 * A webhook's matchConditions, CEL expressions over `object`, `oldObject` and `request` (the
 * AdmissionRequest), evaluated as the webhook matcher does: any false skips the webhook; an
 * error (none false) fails closed with failurePolicy Fail, skips with Ignore. `authorizer` is not
 * offered here: an expression using it fails as an evaluation error.
 */
import { compileRule, toCelValue } from "../validation/cel_rules.js";
import type { ResourceType } from "../registry/resource_type.js";
import type { AdmissionAttributes } from "./attributes.js";
import { admissionRequest } from "./admission_review.js";
import type { WebhookSpec } from "./webhook_configurations.js";

/** true: call the webhook; false: skip it; an Error: refuse the request with its message. */
export function evaluateMatchConditions(
  spec: WebhookSpec,
  attributes: AdmissionAttributes,
  invoked: ResourceType,
): boolean | Error {
  const context = {
    object: toCelValue(undefined, attributes.object ?? null),
    oldObject: toCelValue(undefined, attributes.oldObject ?? null),
    request: toCelValue(undefined, admissionRequest(attributes, invoked, "")),
  };
  const errors: string[] = [];
  for (const condition of spec.matchConditions) {
    let result: unknown;
    try {
      result = compileRule(condition.expression)(context);
    } catch (error) {
      errors.push(`expression '${condition.expression}' resulted in error: ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    if (result === false) return false;
    if (result !== true) errors.push(`expression '${condition.expression}' resulted in an unexpected type`);
  }
  if (!errors.length) return true;
  if (spec.failurePolicy === "Ignore") return false;
  return new Error(errors.length === 1 ? (errors[0] ?? "") : `[${errors.join(", ")}]`);
}
