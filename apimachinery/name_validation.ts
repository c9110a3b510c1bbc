/**
 * Name and label checks of k8s.io/apimachinery/pkg/util/validation, with its wording: DNS labels
 * and subdomains, qualified names (label, annotation and finalizer keys) and label values.
 * Each returns the messages of its failures, empty when the value is valid.
 */

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

/**
 * The messages (empty when valid) of IsDNS1123Label: a valid subdomain that is no label, being
 * short enough, can only have dots, and is told so.
 */
export function dns1123LabelErrors(value: string): string[] {
  const errors = labelErrors(value, dns1123LabelPattern, dns1123LabelMessage);
  if (errors.at(-1) === dns1123LabelMessage && dns1123SubdomainPattern.test(value))
    errors[errors.length - 1] = "must not contain dots";
  return errors;
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

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

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
