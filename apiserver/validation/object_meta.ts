/**
 * ObjectMeta validation with apimachinery's wording (validation/objectmeta.go, util/validation).
 */
import { fieldErrors, type FieldError } from "../http/status.js";
import type { KubeObject } from "../storage/types.js";

const dns1123LabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const dns1123SubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const qualifiedNamePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
export const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const dns1123LabelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const dns1123SubdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const qualifiedNameMessage =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
export const labelValueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** A label check of util/validation: the length limit, then the pattern. */
function labelErrors(value: string, pattern: RegExp, message: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push("must be no more than 63 characters");
  if (!pattern.test(value)) errors.push(message);
  return errors;
}

/** The messages (empty when valid) of IsDNS1123Label. */
export function dns1123LabelErrors(value: string): string[] {
  return labelErrors(value, dns1123LabelPattern, dns1123LabelMessage);
}

const dns1035LabelPattern = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const dns1035LabelMessage =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** The messages (empty when valid) of IsDNS1035Label (CRD names and versions). */
export function dns1035LabelErrors(value: string): string[] {
  return labelErrors(value, dns1035LabelPattern, dns1035LabelMessage);
}

/** The messages (empty when valid) of IsDNS1123Subdomain. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push("must be no more than 253 characters");
  if (!dns1123SubdomainPattern.test(value)) errors.push(dns1123SubdomainMessage);
  return errors;
}

/** The messages of IsQualifiedName (label and annotation keys). */
export function qualifiedNameErrors(value: string): string[] {
  const slash = value.split("/");
  let name = value;
  const errors: string[] = [];
  if (slash.length === 2) {
    const prefix = slash[0] ?? "";
    name = slash[1] ?? "";
    if (prefix.length === 0) errors.push("prefix part must be non-empty");
    else for (const message of dns1123SubdomainErrors(prefix)) errors.push(`prefix part ${message}`);
  } else if (slash.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errors.push("name part must be non-empty");
  else if (name.length > 63) errors.push("name part must be no more than 63 characters");
  if (name.length > 0 && !qualifiedNamePattern.test(name)) errors.push(qualifiedNameMessage);
  return errors;
}

export type NameValidation = "dns1123Label" | "dns1123Subdomain" | "pathSegment";

function nameErrors(name: string, rule: NameValidation, prefix: boolean): string[] {
  // A generateName prefix is checked with a character appended, as maskTrailingDash does.
  const candidate = prefix ? (name.endsWith("-") ? `${name.slice(0, -1)}a` : name) : name;
  switch (rule) {
    case "dns1123Label":
      return dns1123LabelErrors(candidate);
    case "dns1123Subdomain":
      return dns1123SubdomainErrors(candidate);
    case "pathSegment":
      if (name === "." || name === "..") return [`may not be '${name}'`];
      for (const bad of ["/", "%"]) if (name.includes(bad)) return [`may not contain '${bad}'`];
      return [];
  }
}

/** Validates name/generateName/namespace, labels, annotations and owner references of an object. */
export function validateObjectMeta(
  object: KubeObject,
  options: { namespaced: boolean; nameRule: NameValidation; creating: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  const meta = object.metadata;
  if (!meta.name && !meta.generateName) {
    errors.push(fieldErrors.required("metadata.name", "name or generateName is required"));
  }
  if (meta.generateName && options.creating && !meta.name) {
    for (const message of nameErrors(meta.generateName, options.nameRule, true)) {
      errors.push(fieldErrors.invalid("metadata.generateName", meta.generateName, message));
    }
  }
  if (meta.name) {
    for (const message of nameErrors(meta.name, options.nameRule, false)) {
      errors.push(fieldErrors.invalid("metadata.name", meta.name, message));
    }
  }
  if (options.namespaced) {
    if (!meta.namespace) errors.push(fieldErrors.required("metadata.namespace", ""));
  } else if (meta.namespace) {
    errors.push(fieldErrors.forbidden("metadata.namespace", "not allowed on this type"));
  }
  for (const [key, value] of Object.entries(meta.labels ?? {})) {
    for (const message of qualifiedNameErrors(key)) errors.push(fieldErrors.invalid("metadata.labels", key, message));
    if (typeof value !== "string" || value.length > 63 || !labelValuePattern.test(value)) {
      const messages = typeof value === "string" && value.length > 63 ? ["must be no more than 63 characters"] : [];
      if (!labelValuePattern.test(String(value))) messages.push(labelValueMessage);
      for (const message of messages) errors.push(fieldErrors.invalid("metadata.labels", value, message));
    }
  }
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    for (const message of qualifiedNameErrors(key.toLowerCase())) {
      errors.push(fieldErrors.invalid("metadata.annotations", key, message));
    }
    annotationBytes += key.length + String(value).length;
  }
  if (annotationBytes > 262144) {
    errors.push({
      type: "FieldValueTooLong",
      field: "metadata.annotations",
      detail: `Too long: may not be more than 262144 bytes`,
    });
  }
  (meta.ownerReferences ?? []).forEach((reference, index) => {
    const field = `metadata.ownerReferences[${index}]`;
    if (!reference.apiVersion) errors.push(fieldErrors.invalid(`${field}.apiVersion`, reference.apiVersion ?? "", "version must not be empty"));
    if (!reference.kind) errors.push(fieldErrors.invalid(`${field}.kind`, reference.kind ?? "", "kind must not be empty"));
    if (!reference.name) errors.push(fieldErrors.invalid(`${field}.name`, reference.name ?? "", "name must not be empty"));
    if (!reference.uid) errors.push(fieldErrors.invalid(`${field}.uid`, reference.uid ?? "", "uid must not be empty"));
  });
  const controllers = (meta.ownerReferences ?? []).filter((reference) => reference.controller === true);
  if (controllers.length > 1) {
    errors.push(
      fieldErrors.invalid(
        "metadata.ownerReferences",
        meta.ownerReferences,
        `Only one reference can have Controller set to true. Found "true" in references for ${controllers
          .map((reference) => `${reference.kind}/${reference.name}`)
          .join(" and ")}`,
      ),
    );
  }
  for (const [index, finalizer] of (meta.finalizers ?? []).entries()) {
    const messages = qualifiedNameErrors(finalizer);
    for (const message of messages) errors.push(fieldErrors.invalid(`metadata.finalizers[${index}]`, finalizer, message));
  }
  return errors;
}
