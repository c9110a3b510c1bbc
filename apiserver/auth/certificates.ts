/**
 * Serving certificates for the local API server: a throw-away CA and a leaf certificate for
 * 127.0.0.1/localhost, generated at every start.
 *
 * node:crypto can make keys but cannot issue X.509 certificates, so `@peculiar/x509` builds and
 * signs them over WebCrypto. Keys are ECDSA P-256: generating them takes about a millisecond,
 * where an RSA-2048 key would cost most of the start-up budget.
 */
// tsyringe (used inside @peculiar/x509) needs the Reflect metadata polyfill loaded first.
import "reflect-metadata";
import { webcrypto, randomBytes } from "node:crypto";
import * as x509 from "@peculiar/x509";

/** PEM-encoded material for an HTTPS listener and for the clients that must trust it. */
export interface ServingCertificates {
  /** The CA certificate that clients put in their kubeconfig as `certificate-authority-data`. */
  caCertificatePem: string;
  /** The leaf certificate presented by the server. */
  certificatePem: string;
  /** The leaf's private key (PKCS#8). */
  privateKeyPem: string;
}

const ecdsa = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const validity = { days: 365 } as const;

function pem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${base64.trimEnd()}\n-----END ${label}-----\n`;
}

function serial(): string {
  // A positive 16-byte serial: clear the top bit so that DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString("hex");
}

/** Generates a CA and a serving certificate with SANs 127.0.0.1, ::1 and localhost. */
export async function generateServingCertificates(now: Date = new Date()): Promise<ServingCertificates> {
  const crypto = webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0];
  x509.cryptoProvider.set(crypto);
  const subtle = webcrypto.subtle;
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + validity.days * 86_400_000);

  const caKeys = (await subtle.generateKey(ecdsa, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const caName = "CN=uselessctl-ca";
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: caName,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ecdsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const leafKeys = (await subtle.generateKey(ecdsa, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: "CN=uselessctl-apiserver",
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ecdsa,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "localhost" },
        { type: "ip", value: "127.0.0.1" },
        { type: "ip", value: "::1" },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const privateKey = await subtle.exportKey("pkcs8", leafKeys.privateKey);
  return {
    caCertificatePem: ca.toString("pem") + "\n",
    certificatePem: leaf.toString("pem") + "\n",
    privateKeyPem: pem("PRIVATE KEY", privateKey),
  };
}
