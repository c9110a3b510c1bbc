/**
 * networking.k8s.io/v1 IngressClasses, as SetDefaults_IngressClass and
 * pkg/apis/networking/validation treat them: parameters scoped Cluster by default, a
 * domain-prefixed controller fixed once set, the parameters reference; printIngressClass.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { validateParametersReference } from "./typed_reference.js";

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
const specOf = (object: KubeObject): Json => objectAt(object.spec) ?? {};

const httpPathFormat = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPathPattern = new RegExp(`^${httpPathFormat}$`);
const maxControllerLength = 250;

/** validation.IsDomainPrefixedPath. */
function validateDomainPrefixedPath(path: string, value: string): FieldError[] {
  if (!value) return [fieldErrors.required(path)];
  const slash = value.indexOf("/");
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? "" : value.slice(slash + 1);
  if (slash < 0 || !host || !rest)
    return [fieldErrors.invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errors = dns1123SubdomainErrors(host).map((message) => fieldErrors.invalid(path, host, message));
  if (!httpPathPattern.test(rest))
    errors.push(fieldErrors.invalid(path, rest, `Invalid path (regex used for validation is '${httpPathFormat}')`));
  return errors;
}

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
