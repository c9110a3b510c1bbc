import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  cidrWarnings,
  formatIP,
  ipWarnings,
  isIPv6String,
  parseCIDRSloppy,
  parseIPSloppy,
  validateCIDR,
  validateEndpointIP,
  validateInterfaceAddress,
  validateIP,
  validateLegacyCIDR,
  validateLegacyIP,
} from "./ip.js";

/** The details of the errors, as ip_test.go compares them. */
const details = (errors: { detail: string }[]) => errors.map((e) => e.detail);

describe("IP validation (util/validation/ip.go)", () => {
  it("accepts valid and canonical addresses", () => {
    for (const ip of [
      "1.2.3.4",
      "0.0.0.0",
      "255.255.255.255",
      "1234::abcd",
      "::",
      "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    ])
      assert.deepEqual(validateIP("f", ip), [], ip);
  });

  it("words non-canonical IPv6 as Go prints the canonical form", () => {
    assert.deepEqual(details(validateIP("f", "0:0:0:0:0:0:0:0")), [
      'Invalid value: "0:0:0:0:0:0:0:0": must be in canonical form ("::")',
    ]);
    assert.deepEqual(details(validateIP("f", "0001:002:03:4::")), [
      'Invalid value: "0001:002:03:4::": must be in canonical form ("1:2:3:4::")',
    ]);
    assert.deepEqual(details(validateIP("f", "1234::ABCD")), [
      'Invalid value: "1234::ABCD": must be in canonical form ("1234::abcd")',
    ]);
    // Legacy fields take non-canonical forms that parse strictly.
    assert.deepEqual(validateLegacyIP("f", "1234::ABCD"), []);
  });

  it("rejects leading zeros and IPv4-mapped addresses even in legacy fields", () => {
    assert.deepEqual(details(validateLegacyIP("f", "1.1.1.01")), [
      'Invalid value: "1.1.1.01": must not have leading 0s',
    ]);
    assert.deepEqual(details(validateLegacyIP("f", "::ffff:1.1.1.1")), [
      'Invalid value: "::ffff:1.1.1.1": must not be an IPv4-mapped IPv6 address',
    ]);
    assert.deepEqual(validateLegacyIP("f", "1.1.1.01", ["1.1.1.01"]), [], "an old value stays valid");
  });

  it("rejects what is not an IP address", () => {
    for (const value of [
      "",
      "aaaaaaa",
      "myhost.mydomain",
      "1.2.3.0/24",
      "1.2.3.400",
      "-1.0.0.0",
      "2001:db8::10005",
      "1.2.3.4:80",
      "[2001:db8::1]",
      "1234::abcd%eth0",
      "169.254.0.0%eth0",
      "1::2::3",
      "1:2:3:4:5:6:7:8:9",
    ])
      assert.deepEqual(
        details(validateLegacyIP("spec.clusterIP", value)),
        [`Invalid value: ${JSON.stringify(value)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`],
        value,
      );
  });

  it("formats addresses as Go's net.IP.String", () => {
    const format = (text: string) => formatIP(parseIPSloppy(text)!);
    assert.equal(format("::ffff:1.2.3.4"), "1.2.3.4");
    assert.equal(format("1:0:0:1:0:0:0:1"), "1:0:0:1::1");
    assert.equal(format("1:0:0:1:0:0:1:1"), "1::1:0:0:1:1");
    assert.equal(format("1:0:1:1:1:1:1:1"), "1:0:1:1:1:1:1:1");
    assert.equal(format("::1.2.3.4"), "::102:304");
    assert.equal(format("010.001.000.009"), "10.1.0.9");
    assert.equal(isIPv6String("::1"), true);
    assert.equal(isIPv6String("10.0.0.1"), false);
  });

  it("warns as GetWarningsForIP", () => {
    const path = "spec.clusterIPs[0]";
    assert.deepEqual(ipWarnings(path, "192.12.2.2"), []);
    assert.deepEqual(ipWarnings(path, "192.012.2.2"), [
      `${path}: non-standard IP address "192.012.2.2" is invalid: use "192.12.2.2"`,
    ]);
    assert.deepEqual(ipWarnings(path, "::ffff:192.12.2.2"), [
      `${path}: non-standard IP address "::ffff:192.12.2.2" is invalid: use "192.12.2.2"`,
    ]);
    assert.deepEqual(ipWarnings("spec.loadBalancerIP", "2001:db8:0:0::2"), [
      'spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")',
    ]);
  });
});

describe("CIDR validation (util/validation/ip.go)", () => {
  it("accepts canonical subnets", () => {
    for (const cidr of ["1.0.0.0/8", "0.0.0.0/0", "1.1.1.1/32", "2001:4860:4860::/48", "::/0", "::1/128"])
      assert.deepEqual(validateCIDR("f", cidr), [], cidr);
  });

  it("words each strict failure", () => {
    const first = (value: string) => details(validateLegacyCIDR("f", value))[0];
    assert.equal(first("1.1.01.0/24"), 'Invalid value: "1.1.01.0/24": must not have leading 0s in IP or prefix length');
    assert.equal(
      first("192.168.0.0/016"),
      'Invalid value: "192.168.0.0/016": must not have leading 0s in IP or prefix length',
    );
    assert.equal(
      first("::ffff:1.1.1.0/24"),
      'Invalid value: "::ffff:1.1.1.0/24": must not have an IPv4-mapped IPv6 address',
    );
    assert.equal(
      first("::ffff:1.1.1.0/120"),
      'Invalid value: "::ffff:1.1.1.0/120": must not have an IPv4-mapped IPv6 address',
    );
    assert.equal(first("1.2.3.4/24"), 'Invalid value: "1.2.3.4/24": must not have bits set beyond the prefix length');
    assert.equal(
      first("2001:db8::1/64"),
      'Invalid value: "2001:db8::1/64": must not have bits set beyond the prefix length',
    );
    for (const value of [
      "",
      "aaaaaaa",
      "1.2.3.4",
      "192.168.0.1/healthz",
      "192.168.0.1/0/99",
      "192.168.0.0/-16",
      "192.168.0.0/+16",
      "1.2.3.0/33",
    ])
      assert.equal(
        first(value),
        `Invalid value: ${JSON.stringify(value)}: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
      );
    assert.deepEqual(details(validateCIDR("f", "2a00:79e0:2:0::/64")), [
      'Invalid value: "2a00:79e0:2:0::/64": must be in canonical form ("2a00:79e0:2::/64")',
    ]);
  });

  it("warns as GetWarningsForCIDR", () => {
    const path = "spec.loadBalancerSourceRanges[0]";
    assert.deepEqual(cidrWarnings(path, "192.12.2.0/24"), []);
    assert.deepEqual(cidrWarnings(path, "192.12.2.0/024"), [
      `${path}: non-standard CIDR value "192.12.2.0/024" is invalid: use "192.12.2.0/24"`,
    ]);
    assert.deepEqual(cidrWarnings(path, "::ffff:192.12.2.0/120"), [
      `${path}: non-standard CIDR value "::ffff:192.12.2.0/120" is invalid: use "192.12.2.0/24"`,
    ]);
    assert.deepEqual(cidrWarnings(path, "192.012.2.8/24"), [
      `${path}: CIDR value "192.012.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)`,
      `${path}: non-standard CIDR value "192.012.2.8/24" is invalid: use "192.12.2.0/24"`,
    ]);
    assert.deepEqual(cidrWarnings(path, "2001:db8:0:0::/64"), [
      `${path}: IPv6 CIDR value "2001:db8:0:0::/64" should be in RFC 5952 canonical format ("2001:db8::/64")`,
    ]);
  });

  it("checks interface addresses", () => {
    assert.deepEqual(validateInterfaceAddress("f", "1.2.3.4/24"), []);
    assert.deepEqual(validateInterfaceAddress("f", "2001:4860:4860::1/48"), []);
    assert.deepEqual(details(validateInterfaceAddress("f", "::ffff:1.2.3.4/120")), [
      'Invalid value: "::ffff:1.2.3.4/120": must be in canonical form ("1.2.3.4/24")',
    ]);
  });

  it("parses the network of a range", () => {
    const cidr = parseCIDRSloppy("10.0.0.7/24")!;
    assert.equal(formatIP(cidr.network), "10.0.0.0");
    assert.equal(cidr.bits, 32);
  });
});

describe("ValidateEndpointIP", () => {
  it("rejects special ranges with core validation's words", () => {
    assert.deepEqual(validateEndpointIP("f", "10.1.2.3"), []);
    assert.deepEqual(details(validateEndpointIP("f", "0.0.0.0")), [
      'Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
    ]);
    assert.deepEqual(details(validateEndpointIP("f", "127.0.0.2")), [
      'Invalid value: "127.0.0.2": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
    assert.deepEqual(details(validateEndpointIP("f", "fe80::1")), [
      'Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ]);
    assert.deepEqual(details(validateEndpointIP("f", "224.0.0.5")), [
      'Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
    ]);
    assert.deepEqual(details(validateEndpointIP("f", "x")), ['Invalid value: "x": must be a valid IP address']);
  });
});
