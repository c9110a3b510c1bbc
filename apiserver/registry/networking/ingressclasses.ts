/**
 * networking.k8s.io/v1 IngressClasses, as SetDefaults_IngressClass and
 * pkg/apis/networking/validation treat them: parameters scoped Cluster by default, a
 * domain-prefixed controller fixed once set, the parameters reference; printIngressClass.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { validateDomainPrefixedPath } from "../../validation/domain_prefixed_path.js";
import { validateParametersReference } from "./typed_reference.js";

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
const specOf = (object: KubeObject): Json => objectAt(object.spec) ?? {};

const maxControllerLength = 250;

function validateClassSpec(spec: Json): FieldError[] {
  const controller = typeof spec.controller === "string" ? spec.controller : "";
  const errors: FieldError[] = [];
  if (controller.length > maxControllerLength) errors.push(fieldErrors.tooLong("spec.controller", maxControllerLength));
  errors.push(...validateDomainPrefixedPath("spec.controller", controller));
  const parameters = objectAt(spec.parameters);
  if (parameters) errors.push(...validateParametersReference(parameters, "spec.parameters"));
  return errors;
}

const defaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

export const ingressClassStrategy: ResourceStrategy = {
  normalize(object) {
    const parameters = objectAt(specOf(object).parameters);
    if (parameters && (parameters.scope === undefined || parameters.scope === null)) parameters.scope = "Cluster";
    return [];
  },
  validate(object, old) {
    const errors: FieldError[] = [];
    const controller = specOf(object).controller ?? "";
    if (old && controller !== (specOf(old).controller ?? ""))
      errors.push(fieldErrors.invalid("spec.controller", controller, "field is immutable"));
    return [...errors, ...validateClassSpec(specOf(object))];
  },
  columns: [
    {
      ...nameColumn,
      cell: (o) =>
        `${o.metadata.name ?? ""}${o.metadata.annotations?.[defaultClassAnnotation] === "true" ? " (default)" : ""}`,
    },
    column("Controller", "Controller that is responsible for handling this class", (o) => specOf(o).controller ?? ""),
    column("Parameters", "A reference to a resource with additional parameters", (o) => {
      const parameters = objectAt(specOf(o).parameters);
      if (!parameters) return "<none>";
      const group = typeof parameters.apiGroup === "string" ? `.${parameters.apiGroup}` : "";
      return `${String(parameters.kind ?? "")}${group}/${String(parameters.name ?? "")}`;
    }),
    ageColumn,
  ],
};
