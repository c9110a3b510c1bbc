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

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * The messages of IsQualifiedName / content.IsLabelKey (label, annotation and finalizer keys): an
 * optional DNS subdomain prefix and '/', then a name part; lengths are counted in bytes.
 */
export function qualifiedNameErrors(key: string): string[] {
  const parts = key.split("/");
  if (parts.length > 2) {
    return [
      "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  const errors: string[] = [];
  const name = parts[parts.length - 1] ?? "";
  if (parts.length === 2) {
    const prefix = parts[0] ?? "";
    if (prefix === "") errors.push("prefix part must be non-empty");
    else {
      if (bytes(prefix) > 253) errors.push("prefix part must be no more than 253 bytes");
      if (!dns1123SubdomainPattern.test(prefix)) errors.push(`prefix part ${dns1123SubdomainMessage}`);
    }
  }
  if (name === "") errors.push("name part must be non-empty");
  else if (bytes(name) > 63) errors.push("name part must be no more than 63 bytes");
  // The pattern is checked even on an empty name part, which it does not match either.
  if (!qualifiedNamePattern.test(name)) errors.push(qualifiedNameMessage);
  return errors;
}

/** The messages of IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (bytes(value) > 63) errors.push("must be no more than 63 bytes");
  if (!labelValuePattern.test(value)) errors.push(labelValueMessage);
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
  options: { namespaced: boolean; nameRule: NameValidation; path?: string },
): FieldError[] {
  const errors: FieldError[] = [];
  const path = options.path ?? "metadata";
  const meta = object.metadata;
  if (!meta.name && !meta.generateName) {
    errors.push(fieldErrors.required(`${path}.name`, "name or generateName is required"));
  }
  // The prefix is validated on every write, even once a name was generated from it.
  if (meta.generateName) {
    for (const message of nameErrors(meta.generateName, options.nameRule, true)) {
      errors.push(fieldErrors.invalid(`${path}.generateName`, meta.generateName, message));
    }
  }
  if (meta.name) {
    for (const message of nameErrors(meta.name, options.nameRule, false)) {
      errors.push(fieldErrors.invalid(`${path}.name`, meta.name, message));
    }
  }
  if (options.namespaced) {
    if (!meta.namespace) errors.push(fieldErrors.required(`${path}.namespace`, ""));
  } else if (meta.namespace) {
    errors.push(fieldErrors.forbidden(`${path}.namespace`, "not allowed on this type"));
  }
  for (const [key, value] of Object.entries(meta.labels ?? {})) {
    for (const message of qualifiedNameErrors(key)) errors.push(fieldErrors.invalid(`${path}.labels`, key, message));
    for (const message of labelValueErrors(String(value)))
      errors.push(fieldErrors.invalid(`${path}.labels`, value, message));
  }
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    for (const message of qualifiedNameErrors(key.toLowerCase())) {
      errors.push(fieldErrors.invalid(`${path}.annotations`, key, message));
    }
    annotationBytes += key.length + String(value).length;
  }
  if (annotationBytes > 262144) {
    errors.push({
      type: "FieldValueTooLong",
      field: `${path}.annotations`,
      detail: `Too long: may not be more than 262144 bytes`,
    });
  }
  (meta.ownerReferences ?? []).forEach((reference, index) => {
    const field = `${path}.ownerReferences[${index}]`;
    // The version is what an apiVersion without a group still has (FromAPIVersionAndKind).
    const version = (reference.apiVersion ?? "").split("/").pop() ?? "";
    if (!version) errors.push(fieldErrors.required(`${field}.apiVersion`, "must not be empty"));
    if (!reference.kind) errors.push(fieldErrors.required(`${field}.kind`, "must not be empty"));
    if (!reference.name) errors.push(fieldErrors.required(`${field}.name`, "must not be empty"));
    if (!reference.uid) errors.push(fieldErrors.required(`${field}.uid`, "must not be empty"));
  });
  const controllers = (meta.ownerReferences ?? []).filter((reference) => reference.controller === true);
  if (controllers.length > 1) {
    errors.push(
      fieldErrors.invalid(
        `${path}.ownerReferences`,
        meta.ownerReferences,
        `Only one reference can have Controller set to true. Found "true" in references for ${controllers
          .map((reference) => `${reference.kind}/${reference.name}`)
          .join(" and ")}`,
      ),
    );
  }
  for (const finalizer of meta.finalizers ?? []) {
    for (const message of qualifiedNameErrors(finalizer))
      errors.push(fieldErrors.invalid(`${path}.finalizers`, finalizer, message));
  }
  return errors;
}
