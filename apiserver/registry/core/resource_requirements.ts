/**
 * A container's resource requirements as core validation checks them (validateResourceRequirements
 * with ValidateContainerResourceName): resource names, non-negative and integer quantities, and
 * requests no greater than limits (equal, for resources that cannot be overcommitted).
 */
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import {
  compareQuantities,
  formatQuantity,
  isWholeQuantity,
  parseQuantity,
  type ParsedQuantity as Quantity,
} from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { objectAt } from "./pod_spec_defaults.js";

/** The resources counted in whole units (helper.integerResources). */
const integerResourceNames = [
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
];
const integerResources = new Set(integerResourceNames);
/** helper.standardResources: the compute and storage resources, their quota forms, and the integer ones. */
const standardResources = new Set([
  ...["cpu", "memory", "ephemeral-storage"].flatMap((name) => [name, `requests.${name}`, `limits.${name}`]),
  "storage",
  "requests.storage",
  ...integerResourceNames,
]);
const standardContainerResources = new Set(["cpu", "memory", "ephemeral-storage"]);

const isHugePages = (name: string): boolean => name.startsWith("hugepages-");
const isNative = (name: string): boolean => !name.includes("/") || name.includes("kubernetes.io/");
const isOvercommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);
const isExtended = (name: string): boolean =>
  !isNative(name) && !name.startsWith("requests.") && qualifiedNameErrors(`requests.${name}`).length === 0;
const isInteger = (name: string): boolean => integerResources.has(name) || isExtended(name);

/** ValidateContainerResourceName. */
function resourceNameErrors(name: string, field: string): FieldError[] {
  const errors = qualifiedNameErrors(name).map((message) => fieldErrors.invalid(field, name, message));
  if (errors.length) return errors;
  if (!name.includes("/")) {
    if (!standardResources.has(name) && !isHugePages(name) && !name.startsWith("requests.hugepages-"))
      errors.push(fieldErrors.invalid(field, name, "must be a standard resource type or fully qualified"));
    if (!standardContainerResources.has(name) && !isHugePages(name))
      errors.push(fieldErrors.invalid(field, name, "must be a standard resource for containers"));
  } else if (!isNative(name) && !isExtended(name)) {
    errors.push(fieldErrors.invalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errors;
}

/** The quantities of a ResourceList by resource name; normalization already put them in stored form. */
function quantitiesOf(list: unknown): Map<string, Quantity> {
  const quantities = new Map<string, Quantity>();
  for (const [name, value] of Object.entries(objectAt(list) ?? {})) {
    if (typeof value === "string") quantities.set(name, parseQuantity(value));
  }
  return quantities;
}

/** ValidateResourceQuantityValue: not negative, and whole for integer resources. */
function quantityValueErrors(name: string, quantity: Quantity, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (quantity.unscaled < 0n)
    errors.push(fieldErrors.invalid(field, formatQuantity(quantity), "must be greater than or equal to 0"));
  if (isInteger(name) && !isWholeQuantity(quantity))
    errors.push(fieldErrors.invalid(field, formatQuantity(quantity), "must be an integer"));
  return errors;
}

/** The errors of a container's `resources` at `path`. */
export function validateResourceRequirements(requirements: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const resources = objectAt(requirements) ?? {};
  const limits = quantitiesOf(resources.limits);
  const requests = quantitiesOf(resources.requests);
  let computeResources = false;
  let hugePages = false;
  for (const [name, quantity] of limits) {
    const field = `${path}.limits[${name}]`;
    errors.push(...resourceNameErrors(name, field), ...quantityValueErrors(name, quantity, field));
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") computeResources = true;
  }
  for (const [name, quantity] of requests) {
    const field = `${path}.requests[${name}]`;
    errors.push(...resourceNameErrors(name, field), ...quantityValueErrors(name, quantity, field));
    const limit = limits.get(name);
    const requested = formatQuantity(quantity);
    if (limit !== undefined) {
      const order = compareQuantities(quantity, limit);
      if (order !== 0 && !isOvercommitAllowed(name))
        errors.push(
          fieldErrors.invalid(
            `${path}.requests`,
            requested,
            `must be equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
      else if (order > 0)
        errors.push(
          fieldErrors.invalid(
            `${path}.requests`,
            requested,
            `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
    } else if (!isOvercommitAllowed(name)) {
      errors.push(fieldErrors.required(`${path}.limits`, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") computeResources = true;
  }
  if (hugePages && !computeResources) errors.push(fieldErrors.forbidden(path, "HugePages require cpu or memory"));
  return errors;
}
