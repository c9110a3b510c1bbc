/**
 * IntOrString checks of the workload validations (pkg/apis/apps/validation): a non-negative
 * integer or a percent string, its value, and the 100% ceiling; and ValidateNonnegativeField,
 * which the integer case is.
 */
import type { IntOrString } from "../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../errors/status.js";

const percentPattern = /^[0-9]+%$/;
const percentMessage =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** apivalidation.ValidateNonnegativeField. */
export function validateNonnegative(value: number | undefined | null, path: string): FieldError[] {
  return typeof value === "number" && value < 0
    ? [fieldErrors.invalid(path, value, "must be greater than or equal to 0")]
    : [];
}

/** ValidateNonnegativeField on each of `fields` of `record`, named `<prefix>.<field>`, in that order. */
export function validateNonnegativeFields(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  prefix: string,
): FieldError[] {
  return fields.flatMap((field) => {
    const value = record[field];
    return typeof value === "number" ? validateNonnegative(value, `${prefix}.${field}`) : [];
  });
}

/** ValidatePositiveIntOrPercent: a percent string as IsValidPercent, an integer not negative. */
export function validatePositiveIntOrPercent(value: IntOrString | undefined | null, path: string): FieldError[] {
  if (typeof value === "string")
    return percentPattern.test(value) ? [] : [fieldErrors.invalid(path, value, percentMessage)];
  return validateNonnegative(value, path);
}

/** The percent of a valid percent string (getPercentValue), or undefined. */
export function percentValue(value: IntOrString | undefined | null): number | undefined {
  return typeof value === "string" && percentPattern.test(value) ? Number(value.slice(0, -1)) : undefined;
}

/**
 * getIntOrPercentValue: the percent, or the integer (IntValue, where a string that is no number
 * counts as 0).
 */
export function intOrPercentValue(value: IntOrString | undefined | null): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  if (typeof value === "number") return value;
  // strconv.Atoi of the string, 0 when it fails.
  return typeof value === "string" && /^[+-]?[0-9]+$/.test(value) ? Number(value) : 0;
}

/** IsNotMoreThan100Percent. */
export function validateNotMoreThan100Percent(value: IntOrString | undefined | null, path: string): FieldError[] {
  const percent = percentValue(value);
  return percent !== undefined && percent > 100
    ? [fieldErrors.invalid(path, value, "must not be greater than 100%")]
    : [];
}
