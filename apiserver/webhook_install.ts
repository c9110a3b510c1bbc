/**
 * Installs admission webhook configurations that point at the test's own webhook server, as
 * envtest's `WebhookInstallOptions` does: a throw-away CA and a serving certificate for the local
 * host written to a folder the manager's webhook server reads (`tls.crt`, `tls.key`), a free port,
 * and every Mutating/ValidatingWebhookConfiguration from the manifests with its
 * `clientConfig.service` (path kept) replaced by `url: https://<host>:<port><path>` and its
 * `caBundle` set to the CA. The API server then calls the test's manager directly.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { KubeConfig } from "@kubernetes/client-node";
import { generateServingCertificates } from "./auth/certificates.js";
import { localServingUrl } from "./crd_conversion_webhooks.js";
import { createOrReplace, kubeRequest, readManifestObjects } from "./crd_install.js";

/** Options of the webhook install; unset ones come from {@link DEFAULT_WEBHOOK_INSTALL_OPTIONS}. */
export interface WebhookInstallOptions {
  /** Files, or folders whose `*.yaml`, `*.yml` and `*.json` files are read (not recursively). */
  readonly paths: readonly string[];
  /** Configurations installed besides those read from `paths`. */
  readonly mutatingWebhooks: readonly WebhookConfiguration[];
  readonly validatingWebhooks: readonly WebhookConfiguration[];
  /** A path that does not exist is skipped instead of failing. */
  readonly ignoreErrorIfPathMissing: boolean;
  /** The address the webhook server listens on, and the certificate names. */
  readonly localServingHost: string;
  /** The webhook server's port; 0 picks a free one. */
  readonly localServingPort: number;
  /** How long to wait until every configuration can be read back. */
  readonly maxTimeMs: number;
  readonly pollIntervalMs: number;
}

/** Defaults of {@link WebhookInstallOptions}, as envtest's. */
export const DEFAULT_WEBHOOK_INSTALL_OPTIONS: WebhookInstallOptions = {
  paths: [],
  mutatingWebhooks: [],
  validatingWebhooks: [],
  ignoreErrorIfPathMissing: false,
  localServingHost: "127.0.0.1",
  localServingPort: 0,
  maxTimeMs: 10_000,
  pollIntervalMs: 50,
};

/** A Mutating or ValidatingWebhookConfiguration, as read from a manifest. */
export interface WebhookConfiguration {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; [key: string]: unknown };
  webhooks?: { name?: string; clientConfig?: WebhookClientConfig; [key: string]: unknown }[];
}

/** admissionregistration/v1 WebhookClientConfig (and the CRD conversion's, which is the same). */
export interface WebhookClientConfig {
  url?: string;
  service?: { namespace?: string; name?: string; path?: string; port?: number };
  caBundle?: string;
}

/** Where the test's webhook server must serve: give these to the manager's `webhookServer` option. */
export interface WebhookServing {
  readonly localServingHost: string;
  readonly localServingPort: number;
  /** Holds `tls.crt` and `tls.key`. */
  readonly localServingCertDir: string;
  /** The CA's certificate (PEM) that the API server trusts for the webhooks. */
  readonly localServingCAData: string;
}

/** The serving settings and the rewritten configurations, before anything is installed. */
export interface PreparedWebhooks {
  readonly serving: WebhookServing;
  readonly mutatingWebhooks: readonly WebhookConfiguration[];
  readonly validatingWebhooks: readonly WebhookConfiguration[];
}

const MUTATING_PATH = "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations";
const VALIDATING_PATH = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations";

/** A port on `host` that nothing listens on now (envtest's addr.Suggest). */
async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error(`cannot find a free port on ${host}`);
  return address.port;
}

/**
 * `clientConfig` pointing at the local server: the CA bundle set, and a service with a path
 * replaced by the URL of that path on `host:port` (envtest's updateClientConfig).
 */
export function localClientConfig(clientConfig: WebhookClientConfig, serving: WebhookServing): WebhookClientConfig {
  const rewritten: WebhookClientConfig = {
    ...clientConfig,
    caBundle: Buffer.from(serving.localServingCAData).toString("base64"),
  };
  const path = clientConfig.service?.path;
  if (path !== undefined) {
    rewritten.url = localServingUrl(serving, path);
    delete rewritten.service;
  }
  return rewritten;
}

function rewrite(configuration: WebhookConfiguration, serving: WebhookServing): WebhookConfiguration {
  const copy = structuredClone(configuration);
  for (const webhook of copy.webhooks ?? []) {
    webhook.clientConfig = localClientConfig(webhook.clientConfig ?? {}, serving);
  }
  return copy;
}

function isKind(kind: string): (object: Record<string, unknown>) => boolean {
  return (object) => object["kind"] === kind && object["apiVersion"] === "admissionregistration.k8s.io/v1";
}

/**
 * Generates the certificates into `certDir`, picks the port and rewrites the configurations
 * (envtest's PrepWithoutInstalling); installs nothing.
 * Errors: a missing path (unless ignored), a manifest that is not YAML, a folder that cannot be written.
 */
export async function prepareWebhooks(
  options: Partial<WebhookInstallOptions>,
  certDir: string,
): Promise<PreparedWebhooks> {
  const o: WebhookInstallOptions = { ...DEFAULT_WEBHOOK_INSTALL_OPTIONS, ...options };
  const read = (kind: string): WebhookConfiguration[] =>
    readManifestObjects<WebhookConfiguration>(o.paths, {
      errorIfPathMissing: !o.ignoreErrorIfPathMissing,
      what: "webhook",
      accept: isKind(kind),
    });
  const mutating = [...read("MutatingWebhookConfiguration"), ...o.mutatingWebhooks];
  const validating = [...read("ValidatingWebhookConfiguration"), ...o.validatingWebhooks];
  const certificates = await generateServingCertificates();
  mkdirSync(certDir, { recursive: true });
  writeFileSync(join(certDir, "tls.crt"), certificates.certificatePem, { mode: 0o640 });
  writeFileSync(join(certDir, "tls.key"), certificates.privateKeyPem, { mode: 0o640 });
  const serving: WebhookServing = {
    localServingHost: o.localServingHost,
    localServingPort: o.localServingPort || (await freePort(o.localServingHost)),
    localServingCertDir: certDir,
    localServingCAData: certificates.caCertificatePem,
  };
  return {
    serving,
    mutatingWebhooks: mutating.map((configuration) => rewrite(configuration, serving)),
    validatingWebhooks: validating.map((configuration) => rewrite(configuration, serving)),
  };
}

/**
 * Creates (or replaces) the prepared configurations and waits until each can be read back (envtest's
 * Install and WaitForWebhooks).
 * Errors: the server's rejection of a configuration, naming it; a timeout naming those not found.
 */
export async function installWebhooks(
  kubeConfig: KubeConfig,
  prepared: PreparedWebhooks,
  options: Partial<WebhookInstallOptions> = {},
): Promise<void> {
  const o: WebhookInstallOptions = { ...DEFAULT_WEBHOOK_INSTALL_OPTIONS, ...options };
  const all = [
    ...prepared.mutatingWebhooks.map((configuration) => ({ configuration, collection: MUTATING_PATH })),
    ...prepared.validatingWebhooks.map((configuration) => ({ configuration, collection: VALIDATING_PATH })),
  ];
  for (const { configuration, collection } of all) {
    await createOrReplace(kubeConfig, collection, configuration, configuration.kind ?? "webhook configuration");
  }
  const deadline = Date.now() + o.maxTimeMs;
  let pending = all.map(({ configuration, collection }) => `${collection}/${configuration.metadata?.name ?? ""}`);
  while (pending.length > 0) {
    const found = await Promise.all(
      pending.map(async (path) => (await kubeRequest(kubeConfig, "GET", path)).status === 200),
    );
    pending = pending.filter((_, index) => !found[index]);
    if (pending.length === 0) break;
    if (Date.now() > deadline)
      throw new Error(`webhook configurations not found after ${o.maxTimeMs} ms: ${pending.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, o.pollIntervalMs));
  }
}
