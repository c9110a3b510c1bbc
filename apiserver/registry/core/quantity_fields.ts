/**
 * The Quantity fields of a kind and what kube-apiserver does to them: its decoder refuses a value
 * resource.ParseQuantity cannot read (a 400 naming the parse error, the first in body order), and
 * what it stores is each value's canonical form, ResourceLists rounded up to milli-units first
 * (SetDefaults_ResourceList).
 */
import { formatQuantity, parseQuantity, QuantityParseError, roundUpToMilli } from "../../../apimachinery/index.js";

/**
 * Where a kind's quantities are: `quantity` (a resource.Quantity), `resourceList` (a
 * core/v1.ResourceList, a map of them), a struct's fields, or `[shape]` for a list.
 */
export type QuantityShape =
  "quantity" | "resourceList" | readonly [QuantityShape] | { readonly [field: string]: QuantityShape };

type Visit = (value: unknown, rounded: boolean) => unknown;

function walk(value: unknown, shape: QuantityShape, visit: Visit): unknown {
  if (value === undefined) return value;
  if (shape === "quantity") return value === null ? value : visit(value, false);
  if (value === null) return value;
  if (shape === "resourceList") {
    if (typeof value !== "object" || Array.isArray(value)) return value;
    const list = value as Record<string, unknown>;
    for (const key of Object.keys(list)) list[key] = visit(list[key], true);
    return value;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return value;
    for (let index = 0; index < value.length; index++)
      value[index] = walk(value[index], shape[0] as QuantityShape, visit);
    return value;
  }
  if (typeof value !== "object" || Array.isArray(value)) return value;
  const struct = value as Record<string, unknown>;
  for (const [field, fieldShape] of Object.entries(shape as Record<string, QuantityShape>)) {
    if (field in struct) struct[field] = walk(struct[field], fieldShape, visit);
  }
  return value;
}

/**
 * The text Quantity's UnmarshalJSON reads from a JSON value: a string's content, else the value's
 * JSON text (a number parses; true, an object or a list fail as resource.ParseQuantity words it).
 */
function quantityText(value: unknown): string {
  return typeof value === "string" ? value.trim() : JSON.stringify(value);
}

/**
 * The decoder's error for the first quantity of `object` that does not parse, or undefined.
 * Values of other JSON types are left to the type check.
 */
export function quantityDecodeError(object: unknown, shape: QuantityShape): string | undefined {
  let error: string | undefined;
  walk(object, shape, (value) => {
    if (value === null) return value;
    if (error === undefined) {
      try {
        parseQuantity(quantityText(value));
      } catch (failure) {
        if (!(failure instanceof QuantityParseError)) throw failure;
        error = failure.message;
      }
    }
    return value;
  });
  return error;
}

/**
 * Rewrites every quantity of `object` in the form kube-apiserver stores it. A map value of null
 * is the zero quantity, "0"; values that do not parse are left for {@link quantityDecodeError}.
 */
export function canonicalizeQuantities(object: unknown, shape: QuantityShape): void {
  walk(object, shape, (value, rounded) => {
    if (value === null && rounded) return "0";
    try {
      const quantity = parseQuantity(quantityText(value));
      return formatQuantity(rounded ? roundUpToMilli(quantity) : quantity);
    } catch (failure) {
      if (failure instanceof QuantityParseError) return value;
      throw failure;
    }
  });
}

const resourceRequirements = { limits: "resourceList", requests: "resourceList" } as const;
const container = { resources: resourceRequirements } as const;
const volume = {
  emptyDir: { sizeLimit: "quantity" },
  ephemeral: { volumeClaimTemplate: { spec: { resources: resourceRequirements } } },
} as const;

/** The quantities of a core/v1 PodSpec. */
export const podSpecQuantities: QuantityShape = {
  volumes: [volume],
  initContainers: [container],
  containers: [container],
  ephemeralContainers: [container],
  overhead: "resourceList",
  resources: resourceRequirements,
};

const containerStatus = { allocatedResources: "resourceList", resources: resourceRequirements } as const;

/** The quantities of a core/v1 PodStatus. */
export const podStatusQuantities: QuantityShape = {
  initContainerStatuses: [containerStatus],
  containerStatuses: [containerStatus],
  ephemeralContainerStatuses: [containerStatus],
  allocatedResources: "resourceList",
  resources: resourceRequirements,
};

/** The quantities of a core/v1 PodTemplateSpec. */
export const podTemplateSpecQuantities: QuantityShape = { spec: podSpecQuantities };
