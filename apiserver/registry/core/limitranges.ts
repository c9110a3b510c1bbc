/**
 * core/v1 LimitRanges, as SetDefaults_LimitRangeItem and core validation's ValidateLimitRange
 * treat them: a Container item's default limit from its max and default request from its
 * default or min; min, max, default and default request in order, one item per type; printed
 * with its creation time.
 */
import { compareQuantities, formatQuantity, parseQuantity, QuantityParseError } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { createdAtColumn, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
const itemsOf = (object: KubeObject): Json[] => {
  const limits = objectAt(object.spec)?.limits;
  return Array.isArray(limits) ? (limits as Json[]) : [];
};

/** SetDefaults_LimitRangeItem. */
function defaultItem(item: Json): void {
  if (item.type !== "Container") return;
  const defaults = { ...objectAt(item.default) };
  const requests = { ...objectAt(item.defaultRequest) };
  for (const [key, value] of Object.entries(objectAt(item.max) ?? {})) if (!(key in defaults)) defaults[key] = value;
  for (const [key, value] of Object.entries(defaults)) if (!(key in requests)) requests[key] = value;
  for (const [key, value] of Object.entries(objectAt(item.min) ?? {})) if (!(key in requests)) requests[key] = value;
  // Empty maps are omitted when Go writes the item back.
  if (Object.keys(defaults).length) item.default = defaults;
  if (Object.keys(requests).length) item.defaultRequest = requests;
}

function quantityOf(list: Json | undefined, key: string) {
  if (!list || !(key in list)) return undefined;
  try {
    return parseQuantity(String(list[key]));
  } catch (failure) {
    if (failure instanceof QuantityParseError) return undefined;
    throw failure;
  }
}

/** The quantity comparisons of ValidateLimitRange for one item, resource by resource. */
function validateItem(item: Json, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (item.type === "Pod") {
    if (Object.keys(objectAt(item.default) ?? {}).length)
      errors.push(fieldErrors.forbidden(`${path}.default`, "may not be specified when `type` is 'Pod'"));
    if (Object.keys(objectAt(item.defaultRequest) ?? {}).length)
      errors.push(fieldErrors.forbidden(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
  }
  const lists = ["max", "min", "default", "defaultRequest"].map((field) => objectAt(item[field]));
  const keys = new Set(lists.flatMap((list) => Object.keys(list ?? {})));
  const [max, min, defaults, requests] = lists;
  for (const key of [...keys].sort()) {
    const [maxQ, minQ, defaultQ, requestQ] = [max, min, defaults, requests].map((list) => quantityOf(list, key));
    const text = (q: typeof maxQ) => (q ? formatQuantity(q) : "");
    const above = (a: typeof maxQ, b: typeof maxQ) => a !== undefined && b !== undefined && compareQuantities(a, b) > 0;
    if (above(minQ, maxQ))
      errors.push(
        fieldErrors.invalid(
          `${path}.min[${key}]`,
          text(minQ),
          `min value ${text(minQ)} is greater than max value ${text(maxQ)}`,
        ),
      );
    if (above(minQ, requestQ))
      errors.push(
        fieldErrors.invalid(
          `${path}.defaultRequest[${key}]`,
          text(requestQ),
          `min value ${text(minQ)} is greater than default request value ${text(requestQ)}`,
        ),
      );
    if (above(requestQ, maxQ))
      errors.push(
        fieldErrors.invalid(
          `${path}.defaultRequest[${key}]`,
          text(requestQ),
          `default request value ${text(requestQ)} is greater than max value ${text(maxQ)}`,
        ),
      );
    if (above(requestQ, defaultQ))
      errors.push(
        fieldErrors.invalid(
          `${path}.defaultRequest[${key}]`,
          text(requestQ),
          `default request value ${text(requestQ)} is greater than default limit value ${text(defaultQ)}`,
        ),
      );
    if (above(minQ, defaultQ))
      errors.push(
        fieldErrors.invalid(
          `${path}.default[${key}]`,
          text(minQ),
          `min value ${text(minQ)} is greater than default value ${text(defaultQ)}`,
        ),
      );
    if (above(defaultQ, maxQ))
      errors.push(
        fieldErrors.invalid(
          `${path}.default[${key}]`,
          text(maxQ),
          `default value ${text(defaultQ)} is greater than max value ${text(maxQ)}`,
        ),
      );
  }
  return errors;
}

function validateLimits(items: Json[]): FieldError[] {
  const errors: FieldError[] = [];
  const types = new Set<unknown>();
  items.forEach((item, index) => {
    const path = `spec.limits[${index}]`;
    if (types.has(item.type)) errors.push(fieldErrors.duplicate(`${path}.type`, item.type));
    types.add(item.type);
    errors.push(...validateItem(item, path));
  });
  return errors;
}

export const limitRangeStrategy: ResourceStrategy = {
  normalize(object) {
    itemsOf(object).forEach(defaultItem);
    return [];
  },
  validate(object) {
    return validateLimits(itemsOf(object));
  },
  columns: [nameColumn, createdAtColumn],
};
