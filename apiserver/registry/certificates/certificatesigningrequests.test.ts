import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { rejection, tableCells } from "../strategy_testing.js";
import { strategies } from "./index.js";

const kind = { group: "certificates.k8s.io", kind: "CertificateSigningRequest" };
const strategy = strategies.certificatesigningrequests!;
/** An ECDSA P-256 request for CN=alice, O=devs (openssl req -new). */
const request =
  "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlIYk1JR0JBZ0VBTUI4eERqQU1CZ05WQkFNTUJXRnNhV05sTVEwd0N3WURWUVFLREFSa1pYWnpNRmt3RXdZSApLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFZU9lWE5jZy9iRjJDSjUyZEMrcmNXSW1SSWhlK3p4cFpXNER2CkVONEpxZmJKK0lMQjFwYVRpdHhUbTJEem9oTWhabGQ3dDVOVG5XWjRjV1M3b1Rpb0lhQUFNQW9HQ0NxR1NNNDkKQkFNQ0Ewa0FNRVlDSVFEVTE0UmMxOWlxeTdXaXpJQTFWWjlIRGVvaXdkalM5aHhRd2gweTR2TVdFZ0loQU0yWQp1YlhZN2JlZ1duZ1dYQ0ZVMk41QVRJV2cwdVEySVlQKytBWFc5bzh6Ci0tLS0tRU5EIENFUlRJRklDQVRFIFJFUVVFU1QtLS0tLQo=";
const csr = (name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: "certificates.k8s.io/v1",
  kind: "CertificateSigningRequest",
  metadata: { name, creationTimestamp: "2026-01-01T00:00:00Z" },
  spec,
});

describe("certificatesigningrequests strategy", () => {
  it("records the requesting user and resets the status on create", () => {
    const created = csr("ck-csr", {
      request,
      signerName: "kubernetes.io/kube-apiserver-client",
      usages: ["client auth"],
      username: "mallory",
    });
    created.status = { conditions: [{ type: "Approved", status: "True" }] };
    assert.equal(rejection(strategy, kind, created), "");
    strategy.prepareForCreate?.(created);
    assert.deepEqual(created.spec, {
      request,
      signerName: "kubernetes.io/kube-apiserver-client",
      usages: ["client auth"],
      username: "admin",
      uid: "admin",
      groups: ["system:masters", "system:authenticated"],
    });
    assert.deepEqual(created.status, {});
    assert.deepEqual(tableCells(strategy, created, new Date("2026-01-01T00:00:00Z")), [
      "ck-csr",
      "0s",
      "kubernetes.io/kube-apiserver-client",
      "admin",
      "<none>",
      "Pending",
    ]);
    assert.equal(strategy.fieldSelectors?.["spec.signerName"]?.(created), "kubernetes.io/kube-apiserver-client");
  });

  it("rejects requests that do not parse, bad usages, signer names and durations as kube-apiserver words them", () => {
    const garbage = csr("ck-csrbad", { request: Buffer.from("garbage").toString("base64"), usages: ["bad usage"] });
    assert.equal(
      rejection(strategy, kind, garbage),
      'CertificateSigningRequest.certificates.k8s.io "ck-csrbad" is invalid: [spec.request: Invalid value: "Z2FyYmFnZQ==": PEM block type must be CERTIFICATE REQUEST, spec.usages[0]: Unsupported value: "bad usage": supported values: "any", "cert sign", "client auth", "code signing", "content commitment", "crl sign", "data encipherment", "decipher only", "digital signature", "email protection", "encipher only", "ipsec end system", "ipsec tunnel", "ipsec user", "key agreement", "key encipherment", "microsoft sgc", "netscape sgc", "ocsp signing", "s/mime", "server auth", "signing", "timestamping", spec.signerName: Required value]',
    );
    const bad = csr("ck-csrbad2", {
      request,
      signerName: "nodomain",
      usages: ["client auth", "client auth"],
      expirationSeconds: 10,
    });
    assert.equal(
      rejection(strategy, kind, bad),
      `CertificateSigningRequest.certificates.k8s.io "ck-csrbad2" is invalid: [spec.usages[1]: Duplicate value: "client auth", spec.signerName: Invalid value: "nodomain": must be a fully qualified domain and path of the form 'example.com/signer-name', spec.expirationSeconds: Invalid value: 10: may not specify a duration less than 600 seconds (10 minutes)]`,
    );
  });

  it("verifies the request's signature with its own key", () => {
    const pem = Buffer.from(request, "base64").toString();
    const der = Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
    der[der.length - 3] = (der[der.length - 3] ?? 0) ^ 0x01;
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
    const object = csr("t", {
      request: Buffer.from(tampered).toString("base64"),
      signerName: "example.com/x",
      usages: ["client auth"],
    });
    assert.match(
      rejection(strategy, kind, object),
      /spec\.request: Invalid value: ".*": x509: ECDSA verification failure$/,
    );
  });

  it("takes approval conditions only through /approval", () => {
    const old = csr("ck-csr", { request, signerName: "example.com/x", usages: ["client auth"] });
    old.status = {};
    const approved = csr("ck-csr", { request, signerName: "example.com/x", usages: ["client auth"] });
    approved.status = { conditions: [{ type: "Approved", status: "True", reason: "ok" }] };
    assert.equal(
      rejection(strategy, kind, structuredClone(approved), old),
      'CertificateSigningRequest.certificates.k8s.io "ck-csr" is invalid: status.conditions: Forbidden: updates may not add a condition of type "Approved"',
    );
    const viaApproval = strategy.validate?.(structuredClone(approved), old, { previous: [], subresource: "approval" });
    assert.deepEqual(viaApproval, []);
    assert.equal(tableCells(strategy, approved, new Date())[5], "Approved");
  });
});
