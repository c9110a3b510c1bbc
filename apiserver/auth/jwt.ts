/**
 * Compact JWS tokens signed with ES256 (ECDSA P-256, SHA-256), the form kube-apiserver's service
 * account token generator writes with an EC signing key: a header naming the algorithm and key id,
 * the claims, and the raw r||s signature, each base64url-encoded.
 *
 * node:crypto signs and verifies; no JOSE library is needed for one algorithm and one key.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

export type JwtClaims = Record<string, unknown>;

/** A signing key and what verifies it. */
export interface JwtKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The key id kube-apiserver derives: the base64url SHA-256 of the public key's DER (PKIX). */
  readonly keyId: string;
}

/** A PEM private key (SEC1 or PKCS#8) as a signing key. */
export function jwtKeyFromPem(privateKeyPem: string): JwtKey {
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: "spki", format: "der" });
  return { privateKey, publicKey, keyId: createHash("sha256").update(der).digest("base64url") };
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** Signs `claims` into a compact JWS. */
export function signJwt(key: JwtKey, claims: JwtClaims): string {
  const signingInput = `${encodeSegment({ alg: "ES256", kid: key.keyId })}.${encodeSegment(claims)}`;
  const signature = sign("sha256", Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: "ieee-p1363" });
  return `${signingInput}.${signature.toString("base64url")}`;
}

/** A token split into its parts, the claims read but not yet trusted. */
export interface ParsedJwt {
  readonly header: Record<string, unknown>;
  readonly claims: JwtClaims;
  readonly signingInput: string;
  readonly signature: Buffer;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The parts of a compact JWS, or undefined for anything that is not one. */
export function parseJwt(token: string): ParsedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [headerPart = "", claimsPart = "", signaturePart = ""] = parts;
  const header = decodeSegment(headerPart);
  const claims = decodeSegment(claimsPart);
  if (!header || !claims || !/^[A-Za-z0-9_-]*$/.test(signaturePart)) return undefined;
  return {
    header,
    claims,
    signingInput: `${headerPart}.${claimsPart}`,
    signature: Buffer.from(signaturePart, "base64url"),
  };
}

/** Whether `parsed` carries a valid ES256 signature by `key`. */
export function hasValidSignature(key: JwtKey, parsed: ParsedJwt): boolean {
  if (parsed.header["alg"] !== "ES256") return false;
  return verify(
    "sha256",
    Buffer.from(parsed.signingInput),
    { key: key.publicKey, dsaEncoding: "ieee-p1363" },
    parsed.signature,
  );
}
