/**
 * scheduling.k8s.io/v1 PriorityClasses (pkg/registry/scheduling/priorityclass): the default
 * preemption policy, the reserved `system-` names and the user-definable ceiling, value and
 * preemption policy fixed once created, and the two system classes kube-apiserver creates at start.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";

const systemPrefix = "system-";
/** scheduling.HighestUserDefinablePriority. */
const highestUserDefinablePriority = 1_000_000_000;
const preemptionPolicies = ["PreemptLowerPriority", "Never"];

/** The system classes (pkg/apis/scheduling/v1/helpers.go), as kube-apiserver's post-start hook stores them. */
export const systemPriorityClasses: readonly { name: string; value: number; description: string }[] = [
  {
    name: "system-node-critical",
    value: 2_000_001_000,
    description: "Used for system critical pods that must not be moved from their current node.",
  },
  {
    name: "system-cluster-critical",
    value: 2_000_000_000,
    description:
      "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.",
  },
];

/** The stored form of a system class, before the server's own metadata. */
export function systemPriorityClassObject(spc: (typeof systemPriorityClasses)[number]): KubeObject {
  return {
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name: spc.name, generation: 1 },
    value: spc.value,
    description: spc.description,
    preemptionPolicy: "PreemptLowerPriority",
  };
}

/** schedulingapiv1.IsKnownSystemPriorityClass's error, or undefined for a known class as defined. */
function systemClassError(name: string, value: unknown, globalDefault: boolean): string | undefined {
  const known = systemPriorityClasses.find((spc) => spc.name === name);
  if (!known) return `${name} is not a known system priority class`;
  if (known.value !== value) return `value of ${name} PriorityClass must be ${known.value}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

function validatePriorityClass(object: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const name = object.metadata.name ?? "";
  if (name.startsWith(systemPrefix)) {
    const error = systemClassError(name, object.value ?? 0, object.globalDefault === true);
    if (error)
      errors.push(
        fieldErrors.forbidden(
          "metadata.name",
          `priority class names with '${systemPrefix}' prefix are reserved for system use only. error: ${error}`,
        ),
      );
  } else if (typeof object.value === "number" && object.value > highestUserDefinablePriority) {
    errors.push(
      fieldErrors.forbidden(
        "value",
        `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`,
      ),
    );
  }
  const policy = object.preemptionPolicy;
  if (policy === "") errors.push(fieldErrors.required("preemptionPolicy"));
  else if (typeof policy === "string" && !preemptionPolicies.includes(policy))
    errors.push(fieldErrors.notSupported("preemptionPolicy", policy, preemptionPolicies));
  return errors;
}

/** ValidatePriorityClassUpdate checks only what may not change (the metadata rules run apart). */
function validatePriorityClassUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  if ((object.value ?? 0) !== (old.value ?? 0))
    errors.push(fieldErrors.forbidden("value", "may not be changed in an update."));
  if (object.preemptionPolicy !== old.preemptionPolicy)
    errors.push(fieldErrors.invalid("preemptionPolicy", object.preemptionPolicy, "field is immutable"));
  return errors;
}

const descriptions = columnDescriptions.PriorityClass;

export const priorityClassStrategy: ResourceStrategy = {
  normalize(object) {
    object.preemptionPolicy ??= "PreemptLowerPriority";
    return [];
  },
  validate: (object, old) => (old ? validatePriorityClassUpdate(object, old) : validatePriorityClass(object)),
  prepareForCreate(object) {
    object.metadata.generation = 1;
  },
  columns: [
    nameColumn,
    column("Value", descriptions.Value, (o) => o.value ?? 0, { type: "integer" }),
    column("Global-Default", descriptions["Global-Default"], (o) => o.globalDefault === true, { type: "boolean" }),
    ageColumn,
    column("PreemptionPolicy", descriptions.PreemptionPolicy, (o) => o.preemptionPolicy ?? ""),
  ],
};
