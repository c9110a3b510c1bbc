/**
 * Installs CustomResourceDefinitions from YAML/JSON files into any API server reachable through a
 * kubeconfig, and waits until each one is Established, as envtest's `InstallCRDs` does.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { ApiextensionsV1Api, ApiException, type KubeConfig, type V1CustomResourceDefinition } from "@kubernetes/client-node";
import yaml from "js-yaml";

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

function manifestFiles(path: string, errorIfPathMissing: boolean): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    if (errorIfPathMissing) throw new Error(`CRD path ${path} does not exist`);
    return [];
  }
  if (!isDirectory) return [path];
  return readdirSync(path)
    .filter((name) => MANIFEST_EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(path, name));
}

/**
 * Every CustomResourceDefinition in the files under `paths`; other kinds are ignored.
 *
 * Errors: a missing path (when `errorIfPathMissing`), or a file that is not valid YAML, named.
 */
export function readCrdFiles(paths: readonly string[], errorIfPathMissing = true): V1CustomResourceDefinition[] {
  const crds: V1CustomResourceDefinition[] = [];
  for (const file of paths.flatMap((path) => manifestFiles(path, errorIfPathMissing))) {
    let documents: unknown[];
    try {
      documents = yaml.loadAll(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const document of documents) {
      const object = document as Partial<V1CustomResourceDefinition> | null;
      if (object?.kind === "CustomResourceDefinition" && object.apiVersion?.startsWith("apiextensions.k8s.io/")) {
        crds.push(object as V1CustomResourceDefinition);
      }
    }
  }
  return crds;
}

function isEstablished(crd: V1CustomResourceDefinition): boolean {
  return (crd.status?.conditions ?? []).some((condition) => condition.type === "Established" && condition.status === "True");
}

/**
 * Creates (or, if it exists, replaces) every CRD and resolves once all are Established.
 *
 * Errors: the API server's rejection of a CRD (with its name), or a timeout naming the CRDs that
 * were not Established.
 */
export async function installCrds(
  kubeConfig: KubeConfig,
  options: Partial<CrdInstallOptions> = {},
): Promise<V1CustomResourceDefinition[]> {
  const o: CrdInstallOptions = { ...DEFAULT_CRD_INSTALL_OPTIONS, ...options };
  const crds = [...readCrdFiles(o.paths, o.errorIfPathMissing), ...o.crds];
  const api = kubeConfig.makeApiClient(ApiextensionsV1Api);
  for (const crd of crds) {
    const name = crd.metadata?.name ?? "";
    try {
      await api.createCustomResourceDefinition({ body: crd });
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 409) {
        throw new Error(`installing CRD ${name}: ${describeApiError(error)}`, { cause: error });
      }
      const existing = await api.readCustomResourceDefinition({ name });
      await api.replaceCustomResourceDefinition({
        name,
        body: { ...crd, metadata: { ...crd.metadata, resourceVersion: existing.metadata?.resourceVersion } },
      });
    }
  }
  const deadline = Date.now() + o.maxTimeMs;
  let pending = crds.map((crd) => crd.metadata?.name ?? "");
  while (pending.length > 0) {
    const states = await Promise.all(pending.map((name) => api.readCustomResourceDefinition({ name })));
    pending = states.filter((crd) => !isEstablished(crd)).map((crd) => crd.metadata?.name ?? "");
    if (pending.length === 0) break;
    if (Date.now() > deadline) throw new Error(`CRDs not Established after ${o.maxTimeMs} ms: ${pending.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, o.pollIntervalMs));
  }
  return crds;
}

function describeApiError(error: unknown): string {
  if (error instanceof ApiException) {
    const body = error.body as unknown;
    const message = typeof body === "string" ? body : JSON.stringify(body);
    return `HTTP ${error.code}: ${message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
