/**
 * core/v1 Endpoints, as SetDefaults_Endpoints and core validation's ValidateEndpoints treat them:
 * port protocol TCP; each subset with addresses (valid, non-special IPs), named ports when there
 * are several; subsets a stored object already had stay accepted; printEndpoints.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { validateEndpointIP, validateLegacyIP } from "../../validation/ip.js";
import { portNumberErrors, validatePortProtocol } from "../../validation/ports.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

type Json = Record<string, unknown>;
const listAt = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const invalidAll = (path: string, value: unknown, messages: string[]) =>
  messages.map((message) => fieldErrors.invalid(path, value, message));

function validateAddress(address: Json, path: string): FieldError[] {
  const ip = typeof address.ip === "string" ? address.ip : "";
  const errors = validateLegacyIP(`${path}.ip`, ip);
  const hostname = typeof address.hostname === "string" ? address.hostname : "";
  if (hostname) errors.push(...invalidAll(`${path}.hostname`, hostname, dns1123LabelErrors(hostname)));
  if (typeof address.nodeName === "string")
    errors.push(...invalidAll(`${path}.nodeName`, address.nodeName, dns1123SubdomainErrors(address.nodeName)));
  errors.push(...validateEndpointIP(`${path}.ip`, ip));
  return errors;
}

function validatePort(port: Json, requireName: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = typeof port.name === "string" ? port.name : "";
  if (requireName && !name) errors.push(fieldErrors.required(`${path}.name`));
  else if (name) errors.push(...invalidAll(`${path}.name`, name, dns1123LabelErrors(name)));
  const number = typeof port.port === "number" ? port.port : 0;
  errors.push(...invalidAll(`${path}.port`, number, portNumberErrors(number)));
  errors.push(...validatePortProtocol(port.protocol, `${path}.protocol`));
  if (typeof port.appProtocol === "string")
    errors.push(...invalidAll(`${path}.appProtocol`, port.appProtocol, qualifiedNameErrors(port.appProtocol)));
  return errors;
}

/** validateEndpointSubsets. */
function validateSubsets(subsets: Json[]): FieldError[] {
  const errors: FieldError[] = [];
  subsets.forEach((subset, index) => {
    const path = `subsets[${index}]`;
    const addresses = listAt(subset.addresses);
    const notReady = listAt(subset.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0)
      errors.push(fieldErrors.required(path, "must specify `addresses` or `notReadyAddresses`"));
    addresses.forEach((address, i) => errors.push(...validateAddress(address, `${path}.addresses[${i}]`)));
    notReady.forEach((address, i) => errors.push(...validateAddress(address, `${path}.notReadyAddresses[${i}]`)));
    const ports = listAt(subset.ports);
    ports.forEach((port, i) => errors.push(...validatePort(port, ports.length > 1, `${path}.ports[${i}]`)));
  });
  return errors;
}

/** formatEndpoints: the first three `ip:port` (or bare IPs for portless subsets), then how many more. */
function formatEndpoints(object: KubeObject): string {
  const subsets = listAt(object.subsets);
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string) => {
    if (list.length === 3) more = true;
    else list.push(text);
  };
  for (const subset of subsets) {
    const addresses = listAt(subset.addresses).map((address) => String(address.ip ?? ""));
    const ports = listAt(subset.ports);
    if (ports.length === 0) {
      count += addresses.length;
      for (const ip of addresses) if (!more) add(ip);
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const ip of addresses) if (!more) add(`${ip.includes(":") ? `[${ip}]` : ip}:${String(port.port ?? 0)}`);
    }
  }
  return more ? `${list.join(",")} + ${count - 3} more...` : list.join(",");
}

export const endpointsStrategy: ResourceStrategy = {
  normalize(object) {
    for (const subset of listAt(object.subsets))
      for (const port of listAt(subset.ports)) if (!port.protocol) port.protocol = "TCP";
    return [];
  },
  validate(object, old) {
    const errors = validateSubsets(listAt(object.subsets));
    // Subsets an update leaves as they were stay accepted, whatever older servers let in.
    if (errors.length && old && JSON.stringify(old.subsets ?? null) === JSON.stringify(object.subsets ?? null))
      return [];
    return errors;
  },
  columns: [
    nameColumn,
    column(
      "Endpoints",
      "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.",
      formatEndpoints,
    ),
    ageColumn,
  ],
};
