/**
 * Keeps the serving certificates and the token in the data directory, so that a restarted server
 * is the same server to its clients: kubeconfigs, informers and kubectl keep working.
 */
import { existsSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { generateServingCertificates, type ServingCertificates } from "./certificates.js";
import { generateToken } from "./token.js";

export interface ServerIdentity {
  certificates: ServingCertificates;
  token: string;
}

const fileName = "identity.json";

/** Loads the identity of a data directory, or makes (and, with a directory, saves) a new one. */
export async function loadOrCreateIdentity(
  dataDir: string | undefined,
  token: string | undefined,
  now: Date,
): Promise<ServerIdentity> {
  const path = dataDir ? join(dataDir, fileName) : undefined;
  if (path && existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, "utf8")) as ServerIdentity;
    const identity = { certificates: saved.certificates, token: token ?? saved.token };
    if (token && token !== saved.token) save(path, identity);
    return identity;
  }
  const identity = { certificates: await generateServingCertificates(now), token: token ?? generateToken() };
  if (path) save(path, identity);
  return identity;
}

function save(path: string, identity: ServerIdentity): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(identity), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
