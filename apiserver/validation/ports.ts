/**
 * Port checks shared by every kind that names a port (containers, probes, Services, network
 * policies), with k8s.io/apimachinery/pkg/util/validation's and core validation's wording.
 */
import { fieldErrors, type FieldError } from "../errors/status.js";

/** validation.InclusiveRangeError. */
export function inclusiveRangeMessage(low: number, high: number): string {
  return `must be between ${low} and ${high}, inclusive`;
}

/** IsValidPortNum: the messages (empty when valid) for a port number. */
export function portNumberErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeMessage(1, 65535)];
}

/** IsValidPortName (an IANA_SVC_NAME): the messages, empty when valid. */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(name)) errors.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(name)) errors.push("must contain at least one letter (a-z)");
  if (name.includes("--")) errors.push("must not contain consecutive hyphens");
  if (name.startsWith("-") || name.endsWith("-")) errors.push("must not begin or end with a hyphen");
  return errors;
}

/** The protocols a port may name, sorted as sets.List prints them. */
export const supportedPortProtocols = ["SCTP", "TCP", "UDP"] as const;

/** A port's protocol: required, and one of the supported ones. */
export function validatePortProtocol(protocol: unknown, field: string): FieldError[] {
  if (protocol === undefined || protocol === null || protocol === "") return [fieldErrors.required(field, "")];
  if (!(supportedPortProtocols as readonly unknown[]).includes(protocol))
    return [fieldErrors.notSupported(field, protocol, supportedPortProtocols)];
  return [];
}

/**
 * ValidatePortNumOrName: an IntOrString port (a probe's or a Service's targetPort) is a valid
 * number or a valid name.
 */
export function validatePortNumberOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === "string") return portNameErrors(port).map((message) => fieldErrors.invalid(field, port, message));
  // An unset IntOrString is the number 0.
  const number = typeof port === "number" ? port : 0;
  return portNumberErrors(number).map((message) => fieldErrors.invalid(field, number, message));
}
