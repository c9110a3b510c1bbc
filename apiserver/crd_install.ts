/**
 * Installs CustomResourceDefinitions from YAML/JSON files into any API server reachable through a
 * kubeconfig, and waits until each one is Established, as envtest's `InstallCRDs` does, and until
 * its resources can be listed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { request as httpRequest } from "node:http";
import { request as httpsRequest, type RequestOptions } from "node:https";
import type { KubeConfig, V1CustomResourceDefinition } from "@kubernetes/client-node";
import yaml from "js-yaml";
import {
  withLocalConversionWebhooks,
  type ConversionWebhookServing,
  type ConvertibleKind,
} from "./crd_conversion_webhooks.js";

/** Options of {@link installCrds}; unset ones come from {@link DEFAULT_CRD_INSTALL_OPTIONS}. */
export interface CrdInstallOptions {
  /** Files, or folders whose `*.yaml`, `*.yml` and `*.json` files are read (not recursively). */
  readonly paths: readonly string[];
  /** CRD objects installed besides those read from `paths`. */
  readonly crds: readonly V1CustomResourceDefinition[];
  /** A path that does not exist is an error (otherwise it is skipped). */
  readonly errorIfPathMissing: boolean;
  /** How long to wait for every CRD to be Established. */
  readonly maxTimeMs: number;
  readonly pollIntervalMs: number;
  /**
   * The test's webhook server (startTestEnv's `env.webhookInstallOptions`): CRDs that convert by
   * webhook are pointed at it (see crd_conversion_webhooks.ts).
   */
  readonly conversionWebhook?: ConversionWebhookServing | undefined;
  /** The kinds served by that webhook's `/convert`; when unset, the CRDs that ask for Webhook conversion. */
  readonly convertibleKinds?: readonly ConvertibleKind[] | undefined;
}

/** Defaults of {@link installCrds}. */
export const DEFAULT_CRD_INSTALL_OPTIONS: CrdInstallOptions = {
  paths: [],
  crds: [],
  errorIfPathMissing: true,
  maxTimeMs: 10_000,
  pollIntervalMs: 50,
};

const MANIFEST_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

function manifestFiles(path: string, errorIfPathMissing: boolean, what: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    if (errorIfPathMissing) throw new Error(`${what} path ${path} does not exist`);
    return [];
  }
  if (!isDirectory) return [path];
  return readdirSync(path)
    .filter((name) => MANIFEST_EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(path, name));
}

/** The YAML documents of `file`; an error naming the file when it is not YAML. */
export function readYamlDocuments(file: string): unknown[] {
  try {
    return yaml.loadAll(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The objects in the manifest files under `paths` (files, or folders whose `*.yaml`, `*.yml` and
 * `*.json` files are read, not recursively) that `accept` keeps; `what` names them in errors.
 *
 * Errors: a missing path (when `errorIfPathMissing`), or a file that is not valid YAML, named.
 */
export function readManifestObjects<T>(
  paths: readonly string[],
  options: { errorIfPathMissing: boolean; what: string; accept: (object: Record<string, unknown>) => boolean },
): T[] {
  const objects: T[] = [];
  for (const file of paths.flatMap((path) => manifestFiles(path, options.errorIfPathMissing, options.what))) {
    for (const document of readYamlDocuments(file)) {
      if (document !== null && typeof document === "object" && options.accept(document as Record<string, unknown>)) {
        objects.push(document as T);
      }
    }
  }
  return objects;
}

/**
 * Every CustomResourceDefinition in the files under `paths`; other kinds are ignored.
 *
 * Errors: a missing path (when `errorIfPathMissing`), or a file that is not valid YAML, named.
 */
export function readCrdFiles(paths: readonly string[], errorIfPathMissing = true): V1CustomResourceDefinition[] {
  return readManifestObjects<V1CustomResourceDefinition>(paths, {
    errorIfPathMissing,
    what: "CRD",
    accept: (object) =>
      object["kind"] === "CustomResourceDefinition" &&
      String(object["apiVersion"] ?? "").startsWith("apiextensions.k8s.io/"),
  });
}

function isEstablished(crd: V1CustomResourceDefinition | undefined): boolean {
  return (crd?.status?.conditions ?? []).some(
    (condition) => condition.type === "Established" && condition.status === "True",
  );
}

/** One JSON request through the kubeconfig's credentials; the body as the server sent it. */
export async function kubeRequest(
  kubeConfig: KubeConfig,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig names no current cluster");
  const url = new URL(path, cluster.server);
  const options: RequestOptions = {
    method,
    headers: { accept: "application/json", "content-type": "application/json" },
  };
  await kubeConfig.applyToHTTPSOptions(options);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, options, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("error", reject);
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: { message: text } });
        }
      });
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

/**
 * Creates a cluster-scoped object at `collectionPath`, or replaces it when it exists (as envtest's
 * `ensureCreated`). Errors: the server's rejection, naming `what` and the object.
 */
export async function createOrReplace(
  kubeConfig: KubeConfig,
  collectionPath: string,
  object: { metadata?: { name?: string } },
  what: string,
): Promise<void> {
  const name = object.metadata?.name ?? "";
  let response = await kubeRequest(kubeConfig, "POST", collectionPath, object);
  if (response.status === 409) {
    const existing = await kubeRequest(kubeConfig, "GET", `${collectionPath}/${name}`);
    const metadata = {
      ...object.metadata,
      resourceVersion: (existing.body["metadata"] as { resourceVersion?: string } | undefined)?.resourceVersion,
    };
    response = await kubeRequest(kubeConfig, "PUT", `${collectionPath}/${name}`, { ...object, metadata });
  }
  if (response.status >= 300) {
    throw new Error(
      `installing ${what} ${name}: HTTP ${response.status}: ${String(response.body["message"] ?? JSON.stringify(response.body))}`,
    );
  }
}

/**
 * Creates (or, if it exists, replaces) every CRD and resolves once all are Established.
 *
 * Sent as raw JSON rather than through client-node's typed API, whose model serialiser drops the
 * `x-kubernetes-*` schema keys of a manifest read from YAML.
 *
 * Errors: the API server's rejection of a CRD (with its name and the Status message), or a
 * timeout naming the CRDs that were not Established.
 */
export async function installCrds(
  kubeConfig: KubeConfig,
  options: Partial<CrdInstallOptions> = {},
): Promise<V1CustomResourceDefinition[]> {
  const o: CrdInstallOptions = { ...DEFAULT_CRD_INSTALL_OPTIONS, ...options };
  const crds = withLocalConversionWebhooks(
    [...readCrdFiles(o.paths, o.errorIfPathMissing), ...o.crds],
    o.conversionWebhook,
    o.convertibleKinds,
  );
  const names = crds.map((crd) => crd.metadata?.name ?? "");
  for (const crd of crds) await createOrReplace(kubeConfig, CRDS_PATH, crd, "CRD");
  const deadline = Date.now() + o.maxTimeMs;
  await pollUntilAll(names, deadline, o, "CRDs not Established", async (name) =>
    isEstablished(
      (await kubeRequest(kubeConfig, "GET", `${CRDS_PATH}/${name}`)).body as unknown as V1CustomResourceDefinition,
    ),
  );
  // kube-apiserver builds a custom resource's storage on its first request and answers 429
  // ("storage is (re)initializing") until its watch cache is filled; client-go retries that, but
  // other clients (client-node) do not: wait until every served version can be listed.
  await pollUntilAll(
    collectionPaths(crds),
    deadline,
    o,
    "custom resources not listable",
    async (path) => (await kubeRequest(kubeConfig, "GET", `${path}?limit=1`)).status === 200,
  );
  return crds;
}

/**
 * `/apis/<group>/<version>/<plural>` of every served version of the CRDs; only the stored one of a
 * CRD converted by a webhook: listing another version calls the webhook for every stored object,
 * and its server (the operator, the test's manager) usually starts after the CRDs are installed.
 */
function collectionPaths(crds: readonly V1CustomResourceDefinition[]): string[] {
  return crds.flatMap((crd) =>
    (crd.spec?.versions ?? [])
      .filter((version) => version.served && (crd.spec.conversion?.strategy !== "Webhook" || version.storage))
      .map((version) => `/apis/${crd.spec.group}/${version.name}/${crd.spec.names.plural}`),
  );
}

/** Polls `ready` for every item until all are ready, or fails at `deadline` naming those that are not. */
async function pollUntilAll(
  items: readonly string[],
  deadline: number,
  o: CrdInstallOptions,
  failure: string,
  ready: (item: string) => Promise<boolean>,
): Promise<void> {
  let pending = [...items];
  while (pending.length > 0) {
    const states = await Promise.all(pending.map(ready));
    pending = pending.filter((_, index) => !states[index]);
    if (pending.length === 0) break;
    if (Date.now() > deadline) throw new Error(`${failure} after ${o.maxTimeMs} ms: ${pending.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, o.pollIntervalMs));
  }
}
