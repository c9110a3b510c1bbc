/**
 * networking.k8s.io/v1 Ingresses, as pkg/apis/networking/validation and
 * pkg/registry/networking/ingress treat them: a default backend or rules, hosts, paths with their
 * pathType, backends, TLS hosts and secret names, the class annotation matching the class name;
 * status kept apart from spec, and printIngress.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { parseIPSloppy } from "../../validation/ip.js";
import { portNameErrors, portNumberErrors } from "../../validation/ports.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { validateTypedReference } from "./typed_reference.js";

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
const listAt = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const specOf = (object: KubeObject): Json => objectAt(object.spec) ?? {};

const wildcardMessage =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const wildcardPattern = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** IsWildcardDNS1123Subdomain for hosts with a '*', IsDNS1123Subdomain otherwise. */
function hostErrors(host: string): string[] {
  if (!host.includes("*")) return dns1123SubdomainErrors(host);
  const errors = host.length > 253 ? ["must be no more than 253 characters"] : [];
  if (!wildcardPattern.test(host)) errors.push(wildcardMessage);
  return errors;
}

const pathTypes = ["Exact", "ImplementationSpecific", "Prefix"];
const invalidSequences = ["//", "/./", "/../", "%2f", "%2F"];
const invalidSuffixes = ["/..", "/."];

function validateBackend(backend: Json, path: string): FieldError[] {
  const resource = objectAt(backend.resource);
  const service = objectAt(backend.service);
  if (resource && service) return [fieldErrors.invalid(path, "", "cannot set both resource and service backends")];
  if (resource) return validateTypedReference(resource, `${path}.resource`);
  if (!service) return [fieldErrors.invalid(path, "", "resource or service backend is required")];
  const errors: FieldError[] = [];
  const name = typeof service.name === "string" ? service.name : "";
  if (!name) errors.push(fieldErrors.required(`${path}.service.name`));
  else errors.push(...dns1123LabelErrors(name).map((m) => fieldErrors.invalid(`${path}.service.name`, name, m)));
  const port = objectAt(service.port) ?? {};
  const portName = typeof port.name === "string" ? port.name : "";
  const portNumber = typeof port.number === "number" ? port.number : 0;
  if (portName && portNumber) errors.push(fieldErrors.invalid(path, "", "cannot set both port name & port number"));
  else if (portName)
    errors.push(...portNameErrors(portName).map((m) => fieldErrors.invalid(`${path}.service.port.name`, portName, m)));
  else if (portNumber)
    errors.push(
      ...portNumberErrors(portNumber).map((m) => fieldErrors.invalid(`${path}.service.port.number`, portNumber, m)),
    );
  else errors.push(fieldErrors.required(path, "port name or number is required"));
  return errors;
}

function validatePath(httpPath: Json, path: string): FieldError[] {
  const pathType = httpPath.pathType;
  if (pathType === undefined || pathType === null)
    return [fieldErrors.required(`${path}.pathType`, "pathType must be specified")];
  const value = typeof httpPath.path === "string" ? httpPath.path : "";
  const errors: FieldError[] = [];
  if (pathType === "Exact" || pathType === "Prefix") {
    if (!value.startsWith("/")) errors.push(fieldErrors.invalid(`${path}.path`, value, "must be an absolute path"));
    for (const sequence of value ? invalidSequences : [])
      if (value.includes(sequence))
        errors.push(fieldErrors.invalid(`${path}.path`, value, `must not contain '${sequence}'`));
    for (const suffix of value ? invalidSuffixes : [])
      if (value.endsWith(suffix))
        errors.push(fieldErrors.invalid(`${path}.path`, value, `cannot end with '${suffix}'`));
  } else if (pathType === "ImplementationSpecific") {
    if (value && !value.startsWith("/"))
      errors.push(fieldErrors.invalid(`${path}.path`, value, "must be an absolute path"));
  } else errors.push(fieldErrors.notSupported(`${path}.pathType`, pathType, pathTypes));
  errors.push(...validateBackend(objectAt(httpPath.backend) ?? {}, `${path}.backend`));
  return errors;
}

function validateRules(rules: Json[], wildcardRulesAllowed: boolean): FieldError[] {
  const errors: FieldError[] = [];
  rules.forEach((rule, index) => {
    const path = `spec.rules[${index}]`;
    const host = typeof rule.host === "string" ? rule.host : "";
    if (host && parseIPSloppy(host))
      errors.push(fieldErrors.invalid(`${path}.host`, host, "must be a DNS name, not an IP address"));
    if (host) errors.push(...hostErrors(host).map((m) => fieldErrors.invalid(`${path}.host`, host, m)));
    if (host.includes("*") && wildcardRulesAllowed) return;
    const http = objectAt(rule.http);
    if (!http) return;
    const paths = listAt(http.paths);
    if (paths.length === 0) errors.push(fieldErrors.required(`${path}.http.paths`));
    paths.forEach((httpPath, i) => errors.push(...validatePath(httpPath, `${path}.http.paths[${i}]`)));
  });
  return errors;
}

function validateTLS(tls: Json[], invalidSecretNamesAllowed: boolean): FieldError[] {
  const errors: FieldError[] = [];
  tls.forEach((entry, index) => {
    listAt(entry.hosts).forEach((host, i) =>
      errors.push(
        ...hostErrors(String(host)).map((m) => fieldErrors.invalid(`spec.tls[${index}].hosts[${i}]`, host, m)),
      ),
    );
    const secretName = typeof entry.secretName === "string" ? entry.secretName : "";
    if (secretName && !invalidSecretNamesAllowed)
      errors.push(
        ...dns1123SubdomainErrors(secretName).map((m) =>
          fieldErrors.invalid(`spec.tls[${index}].secretName`, secretName, m),
        ),
      );
  });
  return errors;
}

const classAnnotation = "kubernetes.io/ingress.class";

/** ValidateIngressCreate / ValidateIngressUpdate (old values that were let in stay allowed). */
function validateIngress(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = specOf(object);
  const rules = listAt(spec.rules);
  const errors: FieldError[] = [];
  if (rules.length === 0 && !objectAt(spec.defaultBackend))
    errors.push(
      fieldErrors.invalid("spec", spec.rules ?? null, "either `defaultBackend` or `rules` must be specified"),
    );
  const defaultBackend = objectAt(spec.defaultBackend);
  if (defaultBackend) errors.push(...validateBackend(defaultBackend, "spec.defaultBackend"));
  const oldSpec = old ? specOf(old) : undefined;
  const oldWildcardInvalid = listAt(oldSpec?.rules).some(
    (rule) => String(rule.host ?? "").includes("*") && validateRules([{ ...rule, host: "" }], false).length > 0,
  );
  errors.push(...validateRules(rules, oldWildcardInvalid));
  const oldSecretInvalid = listAt(oldSpec?.tls).some(
    (entry) =>
      typeof entry.secretName === "string" && entry.secretName && dns1123SubdomainErrors(entry.secretName).length > 0,
  );
  errors.push(...validateTLS(listAt(spec.tls), oldSecretInvalid));
  const className = spec.ingressClassName;
  if (typeof className === "string")
    errors.push(
      ...dns1123SubdomainErrors(className).map((m) => fieldErrors.invalid("spec.ingressClassName", className, m)),
    );
  const annotation = object.metadata.annotations?.[classAnnotation];
  if (!old && annotation !== undefined && typeof className === "string" && annotation !== className)
    errors.push(
      fieldErrors.invalid(
        `annotations.${classAnnotation}`,
        annotation,
        "must match `ingressClassName` when both are specified",
      ),
    );
  return errors;
}

/** formatHosts: the first three hosts, then how many more rules there are; "*" when none. */
function formatHosts(rules: Json[]): string {
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    if (!more && rule.host) hosts.push(String(rule.host));
  }
  if (hosts.length === 0) return "*";
  return more ? `${hosts.join(",")} + ${rules.length - 3} more...` : hosts.join(",");
}

/** ingressLoadBalancerStatusStringer (wide): IPs or hostnames, sorted, joined. */
function formatAddress(object: KubeObject): string {
  const ingress = listAt(objectAt(objectAt(object.status)?.loadBalancer)?.ingress);
  const addresses = new Set<string>();
  for (const entry of ingress) {
    if (entry.ip) addresses.add(String(entry.ip));
    else if (entry.hostname) addresses.add(String(entry.hostname));
  }
  return [...addresses].sort().join(",");
}

export const ingressStrategy: ResourceStrategy = {
  validate(object, old, context) {
    if (context?.subresource === "status") return [];
    return validateIngress(object, old);
  },
  prepareForCreate(object) {
    object.status = { loadBalancer: {} };
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource !== "status") object.status = old.status;
  },
  columns: [
    nameColumn,
    column("Class", "The name of the IngressClass resource that should be used for additional configuration", (o) =>
      typeof specOf(o).ingressClassName === "string" ? specOf(o).ingressClassName : "<none>",
    ),
    column("Hosts", "Hosts that incoming requests are matched against before the ingress rule", (o) =>
      formatHosts(listAt(specOf(o).rules)),
    ),
    column("Address", "Address is a list containing ingress points for the load-balancer", formatAddress),
    column("Ports", "Ports of TLS configurations that open", (o) => (listAt(specOf(o).tls).length ? "80, 443" : "80")),
    ageColumn,
  ],
};
