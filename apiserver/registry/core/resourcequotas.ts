/**
 * core/v1 ResourceQuotas, as pkg/registry/core/resourcequota and core validation treat them:
 * canonical quantities, each hard limit non-negative (whole for countable resources), an empty
 * status on create that only /status writes; printResourceQuota.
 */
import { formatQuantity, isWholeQuantity, parseQuantity, QuantityParseError } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};

/** helper.IsIntegerResourceName: object counts (and `count/...`) must be whole numbers. */
const integerResources = new Set([
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);
const isInteger = (name: string) =>
  integerResources.has(name) ||
  name.startsWith("count/") ||
  (!name.includes("kubernetes.io/") && name.includes("/") && !name.startsWith("requests."));

/** ValidateResourceQuantityValue for each hard limit, in key order. */
export function validateQuotaValues(hard: Json, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(hard).sort()) {
    const at = `${path}[${key}]`;
    try {
      const quantity = parseQuantity(String(hard[key]));
      const text = formatQuantity(quantity);
      if (quantity.unscaled < 0n) errors.push(fieldErrors.invalid(at, text, "must be greater than or equal to 0"));
      if (isInteger(key) && !isWholeQuantity(quantity))
        errors.push(fieldErrors.invalid(at, text, "must be an integer"));
    } catch (failure) {
      if (!(failure instanceof QuantityParseError)) throw failure;
    }
  }
  return errors;
}

/** printResourceQuota: `name: used/hard` per resource, limits.* in the Limit column. */
function usage(object: KubeObject, limits: boolean): string {
  const status = objectAt(object.status);
  const hard = objectAt(status.hard);
  const used = objectAt(status.used);
  return Object.keys(hard)
    .sort()
    .filter((name) => (name.split(".").length > 1 && name.split(".")[0] === "limits") === limits)
    .map((name) => `${name}: ${String(used[name] ?? "0")}/${String(hard[name])}`)
    .join(", ");
}

export const resourceQuotaStrategy: ResourceStrategy = {
  validate(object, _old, context) {
    if (context?.subresource === "status") {
      const status = objectAt(object.status);
      return [
        ...validateQuotaValues(objectAt(status.hard), "status.hard"),
        ...validateQuotaValues(objectAt(status.used), "status.used"),
      ];
    }
    return validateQuotaValues(objectAt(objectAt(object.spec).hard), "spec.hard");
  },
  prepareForCreate(object) {
    object.status = {};
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource !== "status") object.status = old.status ?? {};
  },
  columns: [
    nameColumn,
    column("Request", "Request represents a minimum amount of cpu/memory that a container may consume.", (o) =>
      usage(o, false),
    ),
    column(
      "Limit",
      "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.",
      (o) => usage(o, true),
    ),
    ageColumn,
  ],
};
