/**
 * discovery.k8s.io/v1 EndpointSlices, as SetDefaults_EndpointPort and
 * pkg/apis/discovery/validation treat them: ports named "" and TCP by default; the address type
 * (fixed once set), ports, endpoints and their addresses for that type checked; endpoints a
 * stored slice already had stay accepted; printEndpointSlice.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { isIPv6String, validateEndpointIP, validateIP, validateLegacyIP } from "../../validation/ip.js";
import { validateLabels } from "../../validation/label_selector.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

type Json = Record<string, unknown>;
const listAt = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const invalidAll = (path: string, value: unknown, messages: string[]) =>
  messages.map((message) => fieldErrors.invalid(path, value, message));

const addressTypes = ["FQDN", "IPv4", "IPv6"];
const protocols = ["SCTP", "TCP", "UDP"];
const limits = { endpoints: 1000, addresses: 100, ports: 100, topologyLabels: 16 };

function validateAddressType(type: unknown): FieldError[] {
  if (type === undefined || type === null || type === "") return [fieldErrors.required("addressType")];
  return addressTypes.includes(String(type)) ? [] : [fieldErrors.notSupported("addressType", type, addressTypes)];
}

function validatePorts(ports: Json[]): FieldError[] {
  if (ports.length > limits.ports) return [fieldErrors.tooMany("ports", ports.length, limits.ports)];
  const errors: FieldError[] = [];
  const names: string[] = [];
  ports.forEach((port, index) => {
    const path = `ports[${index}]`;
    const name = typeof port.name === "string" ? port.name : "";
    if (name) errors.push(...invalidAll(`${path}.name`, name, dns1123LabelErrors(name)));
    if (names.includes(name)) errors.push(fieldErrors.duplicate(`${path}.name`, name));
    else names.push(name);
    if (port.protocol === undefined || port.protocol === null) errors.push(fieldErrors.required(`${path}.protocol`));
    else if (!protocols.includes(String(port.protocol)))
      errors.push(fieldErrors.notSupported(`${path}.protocol`, port.protocol, protocols));
    if (typeof port.appProtocol === "string")
      errors.push(...invalidAll(`${path}.appProtocol`, port.appProtocol, qualifiedNameErrors(port.appProtocol)));
  });
  return errors;
}

function validateAddress(type: unknown, address: string, path: string, listPath: string): FieldError[] {
  if (type === "IPv4") {
    const errors = validateLegacyIP(path, address);
    if (errors.length) return errors;
    return [
      ...(isIPv6String(address) ? [fieldErrors.invalid(listPath, address, "must be an IPv4 address")] : []),
      ...validateEndpointIP(path, address),
    ];
  }
  if (type === "IPv6") {
    const errors = validateIP(path, address);
    if (errors.length) return errors;
    return [
      ...(isIPv6String(address) ? [] : [fieldErrors.invalid(listPath, address, "must be an IPv6 address")]),
      ...validateEndpointIP(path, address),
    ];
  }
  return [];
}

function validateEndpoints(endpoints: Json[], type: unknown): FieldError[] {
  if (endpoints.length > limits.endpoints)
    return [fieldErrors.tooMany("endpoints", endpoints.length, limits.endpoints)];
  const errors: FieldError[] = [];
  endpoints.forEach((endpoint, index) => {
    const path = `endpoints[${index}]`;
    const addresses = Array.isArray(endpoint.addresses) ? endpoint.addresses.map(String) : [];
    if (addresses.length === 0)
      errors.push(fieldErrors.required(`${path}.addresses`)); // the declarative rule's words, without a detail
    else if (addresses.length > limits.addresses)
      errors.push(fieldErrors.tooMany(`${path}.addresses`, addresses.length, limits.addresses));
    addresses.forEach((address, i) =>
      errors.push(...validateAddress(type, address, `${path}.addresses[${i}]`, `${path}.addresses`)),
    );
    if (typeof endpoint.nodeName === "string")
      errors.push(...invalidAll(`${path}.nodeName`, endpoint.nodeName, dns1123SubdomainErrors(endpoint.nodeName)));
    const topology = endpoint.deprecatedTopology as Record<string, string> | undefined;
    const topologyPath = `${path}.deprecatedTopology`;
    if (Object.keys(topology ?? {}).length > limits.topologyLabels)
      errors.push(fieldErrors.tooMany(topologyPath, Object.keys(topology ?? {}).length, limits.topologyLabels));
    errors.push(...validateLabels(topology, topologyPath));
    if (typeof endpoint.hostname === "string")
      errors.push(...invalidAll(`${path}.hostname`, endpoint.hostname, dns1123LabelErrors(endpoint.hostname)));
  });
  return errors;
}

/** formatDiscoveryPorts / formatDiscoveryEndpoints: three entries, then how many more; "<unset>" for none. */
function listWithMore(items: string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(",")} + ${items.length - 3} more...`;
  return items.length ? items.join(",") : "<unset>";
}

const portText = (port: Json) =>
  typeof port.port === "number" ? String(port.port) : typeof port.name === "string" ? port.name : "*";

export const endpointSliceStrategy: ResourceStrategy = {
  normalize(object) {
    for (const port of listAt(object.ports)) {
      port.name ??= "";
      port.protocol ??= "TCP";
    }
    // EndpointConditions is a struct: Go writes it even when empty.
    for (const endpoint of listAt(object.endpoints)) endpoint.conditions ??= {};
    return [];
  },
  validate(object, old) {
    const errors = [...validateAddressType(object.addressType), ...validatePorts(listAt(object.ports))];
    const endpointErrors = validateEndpoints(listAt(object.endpoints), object.addressType);
    const unchanged = old && JSON.stringify(old.endpoints ?? null) === JSON.stringify(object.endpoints ?? null);
    if (!unchanged) errors.push(...endpointErrors);
    if (old && object.addressType !== old.addressType)
      errors.push(fieldErrors.invalid("addressType", object.addressType ?? "", "field is immutable"));
    return errors;
  },
  columns: [
    nameColumn,
    column(
      "AddressType",
      'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name. (Deprecated) The EndpointSlice controller only generates, and kube-proxy only processes, slices of addressType "IPv4" and "IPv6". No semantics are defined for the "FQDN" type.',
      (o) => o.addressType ?? "",
    ),
    column(
      "Ports",
      "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. Each slice may include a maximum of 100 ports. Services always have at least 1 port, so EndpointSlices generated by the EndpointSlice controller will likewise always have at least 1 port. EndpointSlices used for other purposes may have an empty ports list.",
      (o: KubeObject) => listWithMore(listAt(o.ports).map(portText)),
    ),
    column(
      "Endpoints",
      "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.",
      (o: KubeObject) =>
        listWithMore(listAt(o.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(String) : []))),
    ),
    ageColumn,
  ],
};
