/**
 * node.k8s.io/v1 RuntimeClasses (pkg/registry/node/runtimeclass): a DNS-label handler, fixed once
 * created, non-negative pod overhead and a valid node selector. The handler's checks are
 * declarative and report after the handwritten ones.
 */
import { dns1123LabelErrors, labelValueErrors, qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";

/**
 * The overhead is checked as a container's limits (ValidateContainerResourceRequirements), hence
 * the `limits` in its paths. A quantity is negative when its sign is and a digit is not zero.
 */
function overheadErrors(object: KubeObject): FieldError[] {
  const podFixed = (object.overhead as { podFixed?: Record<string, unknown> | null } | null | undefined)?.podFixed;
  const errors: FieldError[] = [];
  for (const [name, quantity] of Object.entries(podFixed ?? {}))
    if (typeof quantity === "string" && quantity.startsWith("-") && /[1-9]/.test(quantity))
      errors.push(fieldErrors.invalid(`overhead.limits[${name}]`, quantity, "must be greater than or equal to 0"));
  return errors;
}

/** metav1validation.ValidateLabels on scheduling.nodeSelector. */
function nodeSelectorErrors(object: KubeObject): FieldError[] {
  const selector = (object.scheduling as { nodeSelector?: Record<string, string> | null } | null | undefined)
    ?.nodeSelector;
  const path = "scheduling.nodeSelector";
  return Object.entries(selector ?? {}).flatMap(([key, value]) => [
    ...qualifiedNameErrors(key).map((message) => fieldErrors.invalid(path, key, message)),
    ...labelValueErrors(String(value)).map((message) => fieldErrors.invalid(path, value, message)),
  ]);
}

/** The declarative handler checks: immutable (and then nothing else), required, a DNS label. */
function handlerErrors(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const handler = typeof object.handler === "string" ? object.handler : "";
  if (old) {
    if (handler === (old.handler ?? "")) return [];
    return [fieldErrors.invalidRendered("handler", "null", "field is immutable")];
  }
  if (!handler) return [fieldErrors.required("handler")];
  return dns1123LabelErrors(handler).map((message) => fieldErrors.invalid("handler", handler, message));
}

export const runtimeClassStrategy: ResourceStrategy = {
  allowUnconditionalUpdate: false,
  validate: (object, old) => [...overheadErrors(object), ...nodeSelectorErrors(object), ...handlerErrors(object, old)],
  columns: [nameColumn, column("Handler", columnDescriptions.RuntimeClass.Handler, (o) => o.handler ?? ""), ageColumn],
};
