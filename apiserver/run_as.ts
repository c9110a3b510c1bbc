/**
 * `startTestEnv({ runAs })`: the manager under test runs as its own service account, with exactly
 * the permissions config/rbac grants it (the ClusterRole `make manifests` writes from the
 * +kubebuilder:rbac markers, the leader-election Role, their bindings), as `config/default`
 * deploys them: every namespaced object in the service account's namespace, every ServiceAccount
 * subject of a binding that service account.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { extname, join } from "node:path";
import yaml from "js-yaml";
import type { KubeConfig } from "@kubernetes/client-node";
import type { ApiServerEndpoint } from "../apimachinery/index.js";
import { serviceAccountUsername } from "./auth/service_account_user.js";
import { kubeRequest, readYamlDocuments } from "./crd_install.js";
import { writeKubeconfig } from "./kubeconfig.js";

/** Who the manager under test runs as, and where its RBAC manifests are. */
export interface RunAsOptions {
  /** `"<namespace>/<name>"` or both parts. */
  readonly serviceAccount: string | { readonly namespace: string; readonly name: string };
  /** The folder of the Roles, ClusterRoles and bindings; its kustomization.yaml's resources if it has one. */
  readonly rbacDir?: string;
  /** The token's lifetime, at least 600 (the TokenRequest minimum); a day by default. */
  readonly tokenExpirationSeconds?: number;
}

/** The identity a test environment made for `runAs`. */
export interface RunAsIdentity {
  /** `system:serviceaccount:<namespace>:<name>`. */
  readonly username: string;
  readonly namespace: string;
  readonly name: string;
  readonly kubeconfigPath: string;
  readonly kubeConfig: KubeConfig;
}

const rbacGroup = "rbac.authorization.k8s.io";
const rbacKinds: Readonly<Record<string, { resource: string; namespaced: boolean }>> = {
  ClusterRole: { resource: "clusterroles", namespaced: false },
  ClusterRoleBinding: { resource: "clusterrolebindings", namespaced: false },
  Role: { resource: "roles", namespaced: true },
  RoleBinding: { resource: "rolebindings", namespaced: true },
};

interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
  subjects?: { kind?: string; name?: string; namespace?: string }[];
  [field: string]: unknown;
}

/** Parses `"ns/name"` (or the object form), naming what is wrong. */
export function serviceAccountOf(value: RunAsOptions["serviceAccount"]): { namespace: string; name: string } {
  if (typeof value !== "string") return { namespace: value.namespace, name: value.name };
  const [namespace, name, ...rest] = value.split("/");
  if (!namespace || !name || rest.length)
    throw new Error(`runAs.serviceAccount: "${value}": expected "<namespace>/<name>"`);
  return { namespace, name };
}

/** The manifest files of `directory`: its kustomization's resources, else every YAML file. */
function rbacFiles(directory: string): string[] {
  if (!existsSync(directory)) throw new Error(`runAs.rbacDir ${directory} does not exist`);
  const kustomization = ["kustomization.yaml", "kustomization.yml", "Kustomization"]
    .map((file) => join(directory, file))
    .find((file) => existsSync(file));
  if (kustomization) {
    const resources = (yaml.load(readFileSync(kustomization, "utf8")) as { resources?: unknown } | null)?.resources;
    if (Array.isArray(resources)) return resources.map((resource) => join(directory, String(resource)));
  }
  return readdirSync(directory)
    .filter((file) => [".yaml", ".yml"].includes(extname(file)))
    .sort()
    .map((file) => join(directory, file));
}

/** The RBAC objects of `directory`, placed as `config/default` would place them for `account`. */
export function rbacManifests(directory: string, account: { namespace: string; name: string }): Manifest[] {
  const manifests: Manifest[] = [];
  for (const file of rbacFiles(directory)) {
    for (const document of readYamlDocuments(file)) {
      const manifest = document as Manifest | null;
      const kind = rbacKinds[manifest?.kind ?? ""];
      if (!manifest || !kind || !manifest.apiVersion?.startsWith(`${rbacGroup}/`)) continue;
      if (!manifest.metadata?.name) throw new Error(`${file}: a ${manifest.kind} without metadata.name`);
      const placed: Manifest = structuredClone(manifest);
      if (kind.namespaced) placed.metadata = { ...placed.metadata, namespace: account.namespace };
      if (placed.subjects)
        placed.subjects = placed.subjects.map((subject) =>
          subject.kind === "ServiceAccount"
            ? { ...subject, name: account.name, namespace: account.namespace }
            : subject,
        );
      manifests.push(placed);
    }
  }
  return manifests;
}

function objectPath(manifest: Manifest): string {
  const kind = rbacKinds[manifest.kind ?? ""];
  if (!kind) throw new Error(`not an RBAC kind: ${manifest.kind}`);
  const scope = kind.namespaced ? `namespaces/${manifest.metadata?.namespace}/` : "";
  return `/apis/${rbacGroup}/v1/${scope}${kind.resource}`;
}

/** Creates `body` at `path`, or replaces the object of that name. */
async function apply(admin: KubeConfig, path: string, body: Manifest): Promise<void> {
  const created = await kubeRequest(admin, "POST", path, body);
  if (created.status === 201) return;
  if (created.status !== 409) throw new Error(`creating ${path}/${body.metadata?.name}: ${describe(created)}`);
  const current = await kubeRequest(admin, "GET", `${path}/${body.metadata?.name}`);
  const resourceVersion = (current.body["metadata"] as { resourceVersion?: string } | undefined)?.resourceVersion;
  const replaced = await kubeRequest(admin, "PUT", `${path}/${body.metadata?.name}`, {
    ...body,
    metadata: { ...body.metadata, resourceVersion },
  });
  if (replaced.status !== 200) throw new Error(`replacing ${path}/${body.metadata?.name}: ${describe(replaced)}`);
}

function describe(response: { status: number; body: Record<string, unknown> }): string {
  return `HTTP ${response.status}: ${String(response.body["message"] ?? JSON.stringify(response.body))}`;
}

async function createIfMissing(admin: KubeConfig, path: string, body: Record<string, unknown>): Promise<void> {
  const created = await kubeRequest(admin, "POST", path, body);
  if (created.status !== 201 && created.status !== 409) throw new Error(`creating ${path}: ${describe(created)}`);
}

/**
 * Creates the service account (and its namespace), installs the RBAC manifests for it, and writes
 * a kubeconfig with a token from the TokenRequest API.
 *
 * Errors: a malformed `serviceAccount`, a missing `rbacDir`, invalid YAML (file named), or the
 * server's refusal of an object (path and message).
 */
export async function setUpRunAs(
  admin: KubeConfig,
  endpoint: ApiServerEndpoint,
  options: RunAsOptions,
  kubeconfigPath: string,
): Promise<RunAsIdentity> {
  const account = serviceAccountOf(options.serviceAccount);
  const manifests = rbacManifests(options.rbacDir ?? "config/rbac", account);
  await createIfMissing(admin, "/api/v1/namespaces", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: account.namespace },
  });
  const accounts = `/api/v1/namespaces/${account.namespace}/serviceaccounts`;
  await createIfMissing(admin, accounts, {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: account.name },
  });
  for (const manifest of manifests) await apply(admin, objectPath(manifest), manifest);
  const issued = await kubeRequest(admin, "POST", `${accounts}/${account.name}/token`, {
    apiVersion: "authentication.k8s.io/v1",
    kind: "TokenRequest",
    spec: { expirationSeconds: options.tokenExpirationSeconds ?? 86_400 },
  });
  const token = (issued.body["status"] as { token?: string } | undefined)?.token;
  if (issued.status !== 201 || !token)
    throw new Error(`requesting a token for ${accounts}/${account.name}: ${describe(issued)}`);
  const username = serviceAccountUsername(account.namespace, account.name);
  const kubeConfig = writeKubeconfig(
    kubeconfigPath,
    { ...endpoint, token },
    { user: username, context: username, namespace: account.namespace },
  );
  return { username, ...account, kubeconfigPath, kubeConfig };
}
