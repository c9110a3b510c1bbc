/**
 * A CSR's PKCS#10 request as certificates.ParseCSR and CheckSignature check it: the first PEM
 * block must be a CERTIFICATE REQUEST whose signature its own public key verifies.
 */
import "reflect-metadata";
import { createPublicKey, verify } from "node:crypto";
import { Pkcs10CertificateRequest } from "@peculiar/x509";

/** Go's pem.Decode: the first well-formed block, with its type and base64 body. */
function firstPemBlock(text: string): { type: string; body: string } | undefined {
  const match = /-----BEGIN ([^-\r\n]*)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  return match ? { type: match[1] ?? "", body: match[2] ?? "" } : undefined;
}

/** The size of the tag and length octets of the DER element at `offset`. */
function derHeaderLength(der: Buffer, offset: number): number {
  const first = der[offset + 1] ?? 0;
  return first < 0x80 ? 2 : 2 + (first & 0x7f);
}

/** The size of the DER element at `offset`, header included. */
function derElementLength(der: Buffer, offset: number): number {
  const header = derHeaderLength(der, offset);
  const first = der[offset + 1] ?? 0;
  if (first < 0x80) return header + first;
  let length = 0;
  for (let index = offset + 2; index < offset + header; index++) length = length * 256 + (der[index] ?? 0);
  return header + length;
}

/** The signed CertificationRequestInfo: the first element inside the request's outer SEQUENCE. */
function signedPart(der: Buffer): Buffer {
  const start = derHeaderLength(der, 0);
  return der.subarray(start, start + derElementLength(der, start));
}

const hashes: Record<string, string> = {
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/** The error kube-apiserver words for a request that does not parse or verify, or undefined. */
export function certificateRequestError(pem: Buffer): string | undefined {
  const block = firstPemBlock(pem.toString("latin1"));
  if (!block || block.type !== "CERTIFICATE REQUEST") return "PEM block type must be CERTIFICATE REQUEST";
  const der = Buffer.from(block.body.replace(/\s+/g, ""), "base64");
  let request: Pkcs10CertificateRequest;
  try {
    request = new Pkcs10CertificateRequest(der);
  } catch {
    return "x509: malformed certificate request";
  }
  const algorithm = request.signatureAlgorithm as { name: string; hash?: { name: string } };
  const key = createPublicKey({ key: Buffer.from(request.publicKey.rawData), format: "der", type: "spki" });
  const hash = algorithm.name === "Ed25519" ? null : (hashes[algorithm.hash?.name ?? ""] ?? null);
  const valid = verify(hash, signedPart(der), { key, dsaEncoding: "der" }, Buffer.from(request.signature));
  if (valid) return undefined;
  if (algorithm.name === "ECDSA") return "x509: ECDSA verification failure";
  if (algorithm.name === "Ed25519") return "x509: Ed25519 verification failure";
  return "crypto/rsa: verification error";
}

/** validateCertificate: status.certificate holds only CERTIFICATE PEM blocks, at least one. */
export function certificateChainError(pem: Buffer): string | undefined {
  if (pem.length === 0) return undefined;
  const blocks = [...pem.toString("latin1").matchAll(/-----BEGIN ([^-\r\n]*)-----\r?\n([\s\S]*?)-----END \1-----/g)];
  if (blocks.length === 0) return "must contain at least one CERTIFICATE PEM block";
  for (const block of blocks) {
    if (block[1] !== "CERTIFICATE") return `only CERTIFICATE PEM blocks are allowed, found "${block[1]}"`;
    if (/^[\w-]+:/m.test(block[2] ?? "")) return "no PEM block headers are permitted";
  }
  return undefined;
}
