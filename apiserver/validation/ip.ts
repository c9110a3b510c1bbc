/**
 * IP address and CIDR checks of k8s.io/apimachinery/pkg/util/validation/ip.go, with its wording,
 * on parsers that accept what Go accepts: k8s.io/utils/net's ParseIPSloppy / ParseCIDRSloppy
 * (Go 1.16's parsers, which allow leading zeros) and net/netip's strict ones. The API server runs
 * with StrictIPCIDRValidation on (the default of v1.37), so "legacy" fields are checked strictly.
 */
import { fieldErrors, type FieldError } from "../errors/status.js";

/** A parsed address: always 16 bytes (IPv4 as IPv4-mapped IPv6, as Go's net.IP holds it). */
export type IPBytes = Uint8Array;

const v4InV6Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function fromIPv4(octets: readonly number[]): IPBytes {
  return Uint8Array.from([...v4InV6Prefix, ...octets]);
}

/** Go 1.16's parseIPv4: four decimal fields up to 255, leading zeros allowed. */
function parseIPv4Sloppy(text: string): IPBytes | undefined {
  const fields = text.split(".");
  if (fields.length !== 4) return undefined;
  const octets: number[] = [];
  for (const field of fields) {
    if (!/^[0-9]+$/.test(field)) return undefined;
    const value = Number(field.replace(/^0+(?=.)/, "").slice(0, 4));
    if (value > 255) return undefined;
    octets.push(value);
  }
  return fromIPv4(octets);
}

/** netip's IPv4 rule on top of the sloppy one: no field has a leading zero. */
function isStrictIPv4(text: string): boolean {
  return text.split(".").every((field) => /^(0|[1-9][0-9]{0,2})$/.test(field));
}

/** Go 1.16's parseIPv6: hex groups, one "::", an optional trailing IPv4 part. */
function parseIPv6Sloppy(text: string): IPBytes | undefined {
  const ip = new Uint8Array(16);
  let rest = text;
  let ellipsis = -1;
  if (rest.startsWith("::")) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === "") return ip;
  }
  let i = 0;
  while (i < 16) {
    const hex = /^[0-9a-fA-F]+/.exec(rest)?.[0];
    if (!hex) return undefined;
    const value = parseInt(hex.replace(/^0+(?=.)/, "").slice(0, 7), 16);
    if (value > 0xffff) return undefined;
    if (rest[hex.length] === ".") {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const v4 = parseIPv4Sloppy(rest);
      if (!v4) return undefined;
      ip.set(v4.subarray(12), i);
      i += 4;
      rest = "";
      break;
    }
    ip[i] = value >> 8;
    ip[i + 1] = value & 0xff;
    i += 2;
    rest = rest.slice(hex.length);
    if (rest === "") break;
    if (rest[0] !== ":" || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ":") {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest === "") break;
    }
  }
  if (rest !== "") return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const shift = 16 - i;
    ip.copyWithin(ellipsis + shift, ellipsis, i);
    ip.fill(0, ellipsis, ellipsis + shift);
  } else if (ellipsis >= 0) return undefined;
  return ip;
}

/** netip's IPv6 rule on top of the sloppy one: at most 4 hex digits a group, a strict IPv4 tail. */
function isStrictIPv6(text: string): boolean {
  const groups = text.split(":");
  const last = groups[groups.length - 1] ?? "";
  if (last.includes(".") && !isStrictIPv4(last)) return false;
  return groups.every((group) => group.includes(".") || group.length <= 4);
}

/** netutils.ParseIPSloppy: the address, or undefined when Go's sloppy parser rejects it. */
export function parseIPSloppy(text: string): IPBytes | undefined {
  for (const character of text) {
    if (character === ".") return parseIPv4Sloppy(text);
    if (character === ":") return parseIPv6Sloppy(text);
  }
  return undefined;
}

/** Whether the address is IPv4 (or IPv4-mapped IPv6), as net.IP.To4 finds it. */
export function isIPv4(ip: IPBytes): boolean {
  return v4InV6Prefix.every((byte, index) => ip[index] === byte);
}

/** netip.Addr.String for a 16-byte address: RFC 5952, the longest run of zero groups as "::". */
function formatIPv6(ip: IPBytes): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip[i] ?? 0) << 8) | (ip[i + 1] ?? 0));
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8;) {
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) [bestStart, bestLength] = [start, end - start];
    start = end === start ? start + 1 : end;
  }
  const hex = (from: number, to: number) =>
    groups
      .slice(from, to)
      .map((group) => group.toString(16))
      .join(":");
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** Go's net.IP.String: dotted IPv4 for IPv4 (and IPv4-mapped) addresses, RFC 5952 otherwise. */
export function formatIP(ip: IPBytes): string {
  return isIPv4(ip) ? Array.from(ip.subarray(12)).join(".") : formatIPv6(ip);
}

/** What netip.ParseAddr says of a string ParseIPSloppy accepted. */
function strictForm(text: string, ip: IPBytes): { valid: boolean; is4In6: boolean; canonical: string } {
  const v6Text = text.includes(":");
  const valid = v6Text ? isStrictIPv6(text) : isStrictIPv4(text);
  const is4In6 = v6Text && isIPv4(ip);
  const canonical = is4In6 ? `::ffff:${formatIP(ip)}` : v6Text ? formatIPv6(ip) : formatIP(ip);
  return { valid, is4In6, canonical };
}

function parseIP(path: string, value: string): { ip: IPBytes | undefined; errors: FieldError[] } {
  const ip = parseIPSloppy(value);
  if (!ip) {
    return {
      ip,
      errors: [fieldErrors.invalid(path, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")],
    };
  }
  const errors: FieldError[] = [];
  const strict = strictForm(value, ip);
  if (!strict.valid) errors.push(fieldErrors.invalid(path, value, "must not have leading 0s"));
  if (strict.is4In6) errors.push(fieldErrors.invalid(path, value, "must not be an IPv4-mapped IPv6 address"));
  return { ip, errors };
}

/** IsValidIPForLegacyField (strict): an IP that need not be canonical; old values stay valid. */
export function validateLegacyIP(path: string, value: string, validOld: readonly string[] = []): FieldError[] {
  if (validOld.includes(value)) return [];
  return parseIP(path, value).errors;
}

/** IsValidIP: a strictly valid IP in canonical form. */
export function validateIP(path: string, value: string): FieldError[] {
  const { ip, errors } = parseIP(path, value);
  if (!ip || errors.length) return errors;
  const canonical = formatIP(ip);
  return value === canonical
    ? []
    : [fieldErrors.invalid(path, value, `must be in canonical form (${JSON.stringify(canonical)})`)];
}

/** GetWarningsForIP, for a value validateLegacyIP accepted. */
export function ipWarnings(path: string, value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [];
  const strict = strictForm(value, ip);
  if (!strict.valid || strict.is4In6)
    return [
      `${path}: non-standard IP address ${JSON.stringify(value)} is invalid: use ${JSON.stringify(formatIP(ip))}`,
    ];
  if (value.includes(":") && strict.canonical !== value)
    return [
      `${path}: IPv6 address ${JSON.stringify(value)} should be in RFC 5952 canonical format (${JSON.stringify(strict.canonical)})`,
    ];
  return [];
}

/** A parsed CIDR: the address as written, the network (address masked), the prefix length. */
export interface ParsedCIDR {
  ip: IPBytes;
  network: IPBytes;
  prefixLength: number;
  /** 32 for a CIDR written as IPv4, 128 otherwise (Go's mask length). */
  bits: number;
}

function masked(ip: IPBytes, prefixLength: number, bits: number): IPBytes {
  const network = Uint8Array.from(ip);
  const first = bits === 32 ? 12 : 0;
  for (let i = first; i < 16; i++) {
    const keep = Math.max(0, Math.min(8, prefixLength - (i - first) * 8));
    network[i] = (network[i] ?? 0) & ((0xff << (8 - keep)) & 0xff);
  }
  return network;
}

/** netutils.ParseCIDRSloppy: the CIDR, or undefined when Go's sloppy parser rejects it. */
export function parseCIDRSloppy(text: string): ParsedCIDR | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const length = text.slice(slash + 1);
  let ip = parseIPv4Sloppy(address);
  const bits = ip ? 32 : 128;
  ip ??= parseIPv6Sloppy(address);
  if (!ip || !/^[0-9]+$/.test(length)) return undefined;
  const prefixLength = Number(length.replace(/^0+(?=.)/, "").slice(0, 4));
  if (prefixLength > bits) return undefined;
  return { ip, network: masked(ip, prefixLength, bits), prefixLength, bits };
}

/** Go's IPNet.String: an IPv4-mapped network prints as IPv4, with the mask's last 32 bits. */
function formatCIDR(cidr: ParsedCIDR): string {
  const mappedV4 = cidr.bits === 128 && isIPv4(cidr.network);
  return `${formatIP(cidr.network)}/${mappedV4 ? cidr.prefixLength - 96 : cidr.prefixLength}`;
}

function parseCIDR(path: string, value: string): { cidr: ParsedCIDR | undefined; errors: FieldError[] } {
  const cidr = parseCIDRSloppy(value);
  if (!cidr) {
    return {
      cidr,
      errors: [fieldErrors.invalid(path, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")],
    };
  }
  const [address = "", length = ""] = value.split("/");
  const strict = strictForm(address, cidr.ip);
  let detail = "";
  if (!strict.valid || /^0[0-9]/.test(length)) detail = "must not have leading 0s in IP or prefix length";
  else if (strict.is4In6) detail = "must not have an IPv4-mapped IPv6 address";
  else if (!cidr.ip.every((byte, index) => byte === cidr.network[index]))
    detail = "must not have bits set beyond the prefix length";
  return { cidr, errors: detail ? [fieldErrors.invalid(path, value, detail)] : [] };
}

/** IsValidCIDRForLegacyField (strict): a subnet CIDR that need not be canonical; old values stay valid. */
export function validateLegacyCIDR(path: string, value: string, validOld: readonly string[] = []): FieldError[] {
  if (validOld.includes(value)) return [];
  return parseCIDR(path, value).errors;
}

/** IsValidCIDR: a strictly valid subnet CIDR in canonical form. */
export function validateCIDR(path: string, value: string): FieldError[] {
  const { cidr, errors } = parseCIDR(path, value);
  if (!cidr || errors.length) return errors;
  const canonical = formatCIDR(cidr);
  return value === canonical
    ? []
    : [fieldErrors.invalid(path, value, `must be in canonical form (${JSON.stringify(canonical)})`)];
}

/** IsValidInterfaceAddress: an address with its subnet length ("192.168.1.5/24"), canonical. */
export function validateInterfaceAddress(path: string, value: string): FieldError[] {
  const cidr = parseCIDRSloppy(value);
  if (!cidr)
    return [
      fieldErrors.invalid(path, value, "must be a valid address in CIDR form, (e.g. 10.9.8.7/24 or 2001:db8::1/64)"),
    ];
  const length = isIPv4(cidr.ip) && cidr.prefixLength > 32 ? cidr.prefixLength - 96 : cidr.prefixLength;
  const canonical = `${formatIP(cidr.ip)}/${length}`;
  return value === canonical
    ? []
    : [fieldErrors.invalid(path, value, `must be in canonical form (${JSON.stringify(canonical)})`)];
}

/** GetWarningsForCIDR, for a value validateLegacyCIDR accepted. */
export function cidrWarnings(path: string, value: string): string[] {
  const cidr = parseCIDRSloppy(value);
  if (!cidr) return [];
  const warnings: string[] = [];
  if (!cidr.ip.every((byte, index) => byte === cidr.network[index])) {
    const single = `${formatIP(cidr.ip)}/${cidr.bits}`;
    warnings.push(
      `${path}: CIDR value ${JSON.stringify(value)} is ambiguous in this context (should be ${JSON.stringify(formatCIDR(cidr))} or ${JSON.stringify(single)}?)`,
    );
  }
  const [address = "", length = ""] = value.split("/");
  const strict = strictForm(address, cidr.ip);
  if (!strict.valid || /^0[0-9]/.test(length) || strict.is4In6)
    warnings.push(
      `${path}: non-standard CIDR value ${JSON.stringify(value)} is invalid: use ${JSON.stringify(formatCIDR(cidr))}`,
    );
  const prefix = `${strict.canonical}/${cidr.prefixLength}`;
  if (warnings.length === 0 && address.includes(":") && prefix !== value)
    warnings.push(
      `${path}: IPv6 CIDR value ${JSON.stringify(value)} should be in RFC 5952 canonical format (${JSON.stringify(prefix)})`,
    );
  return warnings;
}

function inRange(ip: IPBytes, network: readonly number[], prefixLength: number): boolean {
  return network.every((byte, index) => {
    const keep = Math.max(0, Math.min(8, prefixLength - index * 8));
    const mask = (0xff << (8 - keep)) & 0xff;
    return ((ip[index] ?? 0) & mask) === (byte & mask);
  });
}

const v6 = (prefix: number[]) => [...prefix, ...new Array<number>(16 - prefix.length).fill(0)];

/** core validation's ValidateEndpointIP: a valid IP outside the unspecified, loopback and link-local ranges. */
export function validateEndpointIP(path: string, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [fieldErrors.invalid(path, value, "must be a valid IP address")];
  const v4 = isIPv4(ip);
  const errors: FieldError[] = [];
  if (v4 ? inRange(ip, [...v4InV6Prefix, 0, 0, 0, 0], 128) : ip.every((byte) => byte === 0))
    errors.push(fieldErrors.invalid(path, value, `may not be unspecified (${value})`));
  if (v4 ? inRange(ip, [...v4InV6Prefix, 127], 104) : inRange(ip, v6([]), 127) && ip[15] === 1)
    errors.push(fieldErrors.invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  if (v4 ? inRange(ip, [...v4InV6Prefix, 169, 254], 112) : inRange(ip, v6([0xfe, 0x80]), 10))
    errors.push(fieldErrors.invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  if (v4 ? inRange(ip, [...v4InV6Prefix, 224, 0, 0], 120) : ip[0] === 0xff && ((ip[1] ?? 0) & 0x0f) === 0x02)
    errors.push(
      fieldErrors.invalid(path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"),
    );
  return errors;
}

/** Whether a string is an IPv6 address (netutils.IsIPv6String). */
export function isIPv6String(value: string): boolean {
  const ip = parseIPSloppy(value);
  return ip !== undefined && !isIPv4(ip);
}

/** The address as a number, for arithmetic in a range (allocation). */
export function ipToBigInt(ip: IPBytes): bigint {
  return ip.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
}

export function bigIntToIP(value: bigint): IPBytes {
  const ip = new Uint8Array(16);
  for (let i = 15, rest = value; i >= 0; i--, rest >>= 8n) ip[i] = Number(rest & 0xffn);
  return ip;
}

/** Whether `ip` lies inside `cidr`. */
export function cidrContains(cidr: ParsedCIDR, ip: IPBytes): boolean {
  if (isIPv4(ip) !== (cidr.bits === 32)) return false;
  const offset = cidr.bits === 32 ? 96 : 0;
  return inRange(ip, Array.from(cidr.network), cidr.prefixLength + offset);
}
