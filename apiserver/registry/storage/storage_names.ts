/**
 * Name checks the storage kinds share (pkg/apis/core/validation's ValidateCSIDriverName, the
 * provisioner check of pkg/apis/storage/validation) and the internal-struct rendering their
 * immutability errors print.
 */
import { isDeepStrictEqual } from "node:util";
import { dns1123SubdomainErrors, qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";

/** ValidateCSIDriverName when no check of it is declarative: required, at most 63 characters, a DNS subdomain. */
export function csiDriverNameErrors(name: string, path: string): FieldError[] {
  if (!name) return [fieldErrors.required(path)];
  const errors: FieldError[] = [];
  if (name.length > 63) errors.push(fieldErrors.tooLong(path, 63));
  for (const message of dns1123SubdomainErrors(name.toLowerCase()))
    errors.push(fieldErrors.invalid(path, name, message));
  return errors;
}

/** validateProvisioner without its (declarative) required check: a qualified name, compared lowercased. */
export function provisionerErrors(provisioner: string, path: string): FieldError[] {
  if (!provisioner) return [];
  const lower = provisioner.toLowerCase();
  return qualifiedNameErrors(lower).map((message) => fieldErrors.invalid(path, lower, message));
}

/** 256 kB: the most a StorageClass's or VolumeAttributesClass's parameters may hold (keys and values). */
const maxParameterBytes = 256 * 1024;
const maxParameters = 512;

/** validateParameters: at most 512 keys, none empty, 256 kB in all; `allowEmpty` false requires one. */
export function parametersErrors(parameters: unknown, allowEmpty: boolean, path: string): FieldError[] {
  const entries = Object.entries((parameters as Record<string, unknown> | null | undefined) ?? {});
  if (entries.length > maxParameters) return [fieldErrors.tooLong(path, maxParameters)];
  const errors: FieldError[] = [];
  let total = 0;
  for (const [key, value] of entries) {
    if (key.length < 1) errors.push(fieldErrors.invalid(path, key, "field can not be empty."));
    total += key.length + String(value ?? "").length;
  }
  if (total > maxParameterBytes) errors.push(fieldErrors.tooLong(path, maxParameterBytes));
  if (!allowEmpty && entries.length === 0)
    errors.push(fieldErrors.required(path, "must contain at least one key/value pair"));
  return errors;
}

/** The error a declarative `+k8s:immutable` check answers a change with: it prints no value. */
export function declarativeImmutable(path: string): FieldError {
  return fieldErrors.invalidRendered(path, "null", "field is immutable");
}

/** An absent value and an empty map or list are the same to equality.Semantic.DeepEqual on Go values. */
function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "object" && Object.keys(value).length === 0);
}

/** Whether two decoded JSON values differ as Go values would. */
export function differs(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return false;
  return !isDeepStrictEqual(a, b);
}

const caselessSubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/i;
const caselessSubdomainMessage =
  "an RFC 1123 subdomain must consist of alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'Example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/**
 * The declarative checks of a CSI driver name field (`+k8s:required`, `+k8s:format=k8s-long-name-caseless`,
 * `+k8s:maxLength=63`), which replace ValidateCSIDriverName's where they are generated.
 */
export function declarativeCSIDriverNameErrors(name: string, path: string): FieldError[] {
  if (!name) return [fieldErrors.required(path)];
  const errors: FieldError[] = [];
  if (name.length > 253) errors.push(fieldErrors.invalid(path, name, "must be no more than 253 characters"));
  if (!caselessSubdomainPattern.test(name)) errors.push(fieldErrors.invalid(path, name, caselessSubdomainMessage));
  if ([...name].length > 63)
    errors.push({ type: "FieldValueTooLong", field: path, detail: "Too long: may not be more than 63 characters" });
  return errors;
}
