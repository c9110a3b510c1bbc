/**
 * util/validation.IsDomainPrefixedPath: a DNS subdomain, a slash, and an HTTP path (an
 * IngressClass's controller, a Job's managedBy), with its wording.
 */
import { dns1123SubdomainErrors } from "../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../errors/status.js";

const httpPathFormat = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPathPattern = new RegExp(`^${httpPathFormat}$`);

export function validateDomainPrefixedPath(path: string, value: string): FieldError[] {
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
