/**
 * The scale subresource checks apiextensions runs on every write of a custom resource whose CRD
 * declares one (customResourceValidator.ValidateScaleSpec / ValidateScaleStatus): the replicas
 * paths must hold int64 values between 0 and MaxInt32, the label selector path a string.
 */
import { formatGoValue } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";

const maxInt32 = 2147483647;

/** The paths a CRD's scale subresource declares. */
export interface ScalePaths {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string | undefined;
}

/** Go's %T of a decoded JSON value. */
function goType(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) return "[]interface {}";
  if (value === null) return "<nil>";
  return "map[string]interface {}";
}

type Lookup = { found: false } | { found: true; value: unknown } | { error: string };

/** unstructured.NestedFieldNoCopy plus the type check of NestedInt64/NestedString. */
function nested(object: unknown, path: string, expected: "int64" | "string"): Lookup {
  const fields = path.replace(/^\./, "").split(".");
  let current: unknown = object;
  for (const [index, field] of fields.entries()) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) {
      const at = `.${fields.slice(0, index).join(".")}`;
      return {
        error: `${at} accessor error: ${formatGoValue(current)} is of the type ${goType(current)}, expected map[string]interface{}`,
      };
    }
    if (!(field in current)) return { found: false };
    current = (current as Record<string, unknown>)[field];
  }
  if (goType(current) !== expected) {
    return {
      error: `.${fields.join(".")} accessor error: ${formatGoValue(current)} is of the type ${goType(current)}, expected ${expected}`,
    };
  }
  return { found: true, value: current };
}

function replicasErrors(object: unknown, path: string): FieldError[] {
  const lookup = nested(object, path, "int64");
  if ("error" in lookup) return [fieldErrors.invalid(path, 0, lookup.error)];
  const replicas = lookup.found ? (lookup.value as number) : 0;
  if (replicas < 0) return [fieldErrors.invalid(path, replicas, "should be a non-negative integer")];
  if (replicas > maxInt32) return [fieldErrors.invalid(path, replicas, `should be less than or equal to ${maxInt32}`)];
  return [];
}

/** ValidateScaleSpec: the spec replicas path. */
export function validateScaleSpec(object: unknown, scale: ScalePaths | undefined): FieldError[] {
  return scale ? replicasErrors(object, scale.specReplicasPath) : [];
}

/** ValidateScaleStatus: the status replicas path and the label selector path. */
export function validateScaleStatus(object: unknown, scale: ScalePaths | undefined): FieldError[] {
  if (!scale) return [];
  const errors = replicasErrors(object, scale.statusReplicasPath);
  if (scale.labelSelectorPath) {
    const lookup = nested(object, scale.labelSelectorPath, "string");
    if ("error" in lookup) errors.push(fieldErrors.invalid(scale.labelSelectorPath, "", lookup.error));
  }
  return errors;
}
