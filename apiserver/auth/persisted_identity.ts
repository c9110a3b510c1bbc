/**
 * Keeps the serving certificates, the token and the service account signing key in the data
 * directory, so that a restarted server is the same server to its clients: kubeconfigs,
 * informers, kubectl and issued service account tokens keep working.
 */
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { generateServingCertificates, type ServingCertificates } from "./certificates.js";
import { generateToken } from "./token.js";

export interface ServerIdentity {
  certificates: ServingCertificates;
  token: string;
  /** The EC P-256 key (PKCS#8 PEM) service account tokens are signed with. */
  serviceAccountKeyPem: string;
}

const fileName = "identity.json";

function generateServiceAccountKey(): string {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** Loads the identity of a data directory, or makes (and, with a directory, saves) a new one. */
export async function loadOrCreateIdentity(
  dataDir: string | undefined,
  token: string | undefined,
  now: Date,
): Promise<ServerIdentity> {
  const path = dataDir ? join(dataDir, fileName) : undefined;
  if (path && existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, "utf8")) as Partial<ServerIdentity> &
      Pick<ServerIdentity, "certificates" | "token">;
    const identity: ServerIdentity = {
      certificates: saved.certificates,
      token: token ?? saved.token,
      // A directory written before service accounts had tokens gets its key now.
      serviceAccountKeyPem: saved.serviceAccountKeyPem ?? generateServiceAccountKey(),
    };
    if (identity.token !== saved.token || identity.serviceAccountKeyPem !== saved.serviceAccountKeyPem)
      save(path, identity);
    return identity;
  }
  const identity: ServerIdentity = {
    certificates: await generateServingCertificates(now),
    token: token ?? generateToken(),
    serviceAccountKeyPem: generateServiceAccountKey(),
  };
  if (path) save(path, identity);
  return identity;
}

function save(path: string, identity: ServerIdentity): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(identity), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
