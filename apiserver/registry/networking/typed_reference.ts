/**
 * The parameter and resource references of networking validation
 * (validateIngressTypedLocalObjectReference, validateIngressClassParametersReference).
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";

type Json = Record<string, unknown>;

/** content.IsPathSegmentName. */
function pathSegmentErrors(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  return ["/", "%"].filter((bad) => name.includes(bad)).map((bad) => `may not contain '${bad}'`);
}

/** apiGroup a DNS subdomain, kind and name required path segments. */
export function validateTypedReference(reference: Json, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof reference.apiGroup === "string")
    for (const message of dns1123SubdomainErrors(reference.apiGroup))
      errors.push(fieldErrors.invalid(`${path}.apiGroup`, reference.apiGroup, message));
  for (const field of ["kind", "name"]) {
    const value = typeof reference[field] === "string" ? (reference[field] as string) : "";
    if (!value) errors.push(fieldErrors.required(`${path}.${field}`));
    else
      for (const message of pathSegmentErrors(value))
        errors.push(fieldErrors.invalid(`${path}.${field}`, value, message));
  }
  return errors;
}

const scopes = ["Cluster", "Namespace"];

/** validateIngressClassParametersReference: the typed reference, then its scope and namespace. */
export function validateParametersReference(reference: Json, path: string): FieldError[] {
  const errors = validateTypedReference(reference, path);
  const scope = reference.scope;
  if (scope === undefined || scope === null) return [...errors, fieldErrors.required(`${path}.scope`)];
  if (!scopes.includes(String(scope))) return [...errors, fieldErrors.notSupported(`${path}.scope`, scope, scopes)];
  const namespace = reference.namespace;
  if (scope === "Namespace") {
    if (namespace === undefined || namespace === null)
      errors.push(fieldErrors.required(`${path}.namespace`, "`parameters.scope` is set to 'Namespace'"));
    else
      for (const message of dns1123LabelErrors(String(namespace)))
        errors.push(fieldErrors.invalid(`${path}.namespace`, namespace, message));
  }
  if (scope === "Cluster" && namespace !== undefined && namespace !== null)
    errors.push(fieldErrors.forbidden(`${path}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  return errors;
}
