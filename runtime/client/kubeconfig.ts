/**
 * Loading the kubeconfig an operator runs with, without loading @kubernetes/client-node when the
 * kubeconfig does not need it. client-node's entry point loads every generated API model (about
 * 70 MiB of a process's memory, more than the operator's own work at a thousand objects), and
 * the common kubeconfigs need none of it: one file (KUBECONFIG naming one file, or
 * ~/.kube/config) whose user has a token, a token file, a client certificate or a password, or
 * the in-cluster service account. These are read here, with client-node's rules (relative paths
 * from the file's folder, `*-data` as base64, the in-cluster token file read again on refresh).
 * Anything else (several KUBECONFIG files to merge, exec and auth-provider plugins, proxies,
 * impersonation, no kubeconfig at all) is client-node's `loadFromDefault`, loaded on first use.
 */
import { existsSync, readFileSync } from "node:fs";
import type * as https from "node:https";
import { homedir } from "node:os";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import yaml from "js-yaml";

/** What the transport needs of a kubeconfig; client-node's `KubeConfig` has this shape too. */
export interface KubeConfigSource {
  /** The current context's cluster; null until known (a deferred client-node config before its first use). */
  getCurrentCluster(): { readonly server: string } | null;
  /** Sets TLS options and credentials (headers, basic auth) for a request to the current cluster. */
  applyToHTTPSOptions(options: https.RequestOptions): Promise<void>;
}

const SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

type Fields = Record<string, unknown>;

/** A cluster and user read from one kubeconfig file or the in-cluster service account. */
interface Connection {
  readonly server: string;
  readonly ca?: Buffer | undefined;
  readonly insecure: boolean;
  readonly tlsServerName?: string | undefined;
  readonly cert?: Buffer | undefined;
  readonly key?: Buffer | undefined;
  readonly token?: string | undefined;
  /** Read at every `applyToHTTPSOptions` (tokens are rotated in place). */
  readonly tokenFile?: string | undefined;
  readonly basicAuth?: string | undefined;
}

class SimpleKubeConfig implements KubeConfigSource {
  readonly #connection: Connection;

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  getCurrentCluster(): { readonly server: string } {
    return { server: this.#connection.server };
  }

  async applyToHTTPSOptions(options: https.RequestOptions): Promise<void> {
    const c = this.#connection;
    if (c.insecure) options.rejectUnauthorized = false;
    if (c.ca) options.ca = c.ca;
    if (c.cert) options.cert = c.cert;
    if (c.key) options.key = c.key;
    if (c.tlsServerName) options.servername = c.tlsServerName;
    if (c.basicAuth) options.auth = c.basicAuth;
    const token = c.tokenFile ? readFileSync(c.tokenFile, "utf8").trim() : c.token;
    if (token) options.headers = { ...options.headers, Authorization: `Bearer ${token}` };
  }
}

/** client-node's KubeConfig, imported and loaded on first use. */
class DeferredKubeConfig implements KubeConfigSource {
  #loaded: KubeConfigSource | undefined;

  getCurrentCluster(): { readonly server: string } | null {
    return this.#loaded?.getCurrentCluster() ?? null;
  }

  async applyToHTTPSOptions(options: https.RequestOptions): Promise<void> {
    if (!this.#loaded) {
      const { KubeConfig } = await import("@kubernetes/client-node");
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromDefault();
      this.#loaded = kubeConfig;
    }
    await this.#loaded.applyToHTTPSOptions(options);
  }
}

function fields(value: unknown): Fields | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** `name`'s entry (its `field` mapping) in a kubeconfig list such as `clusters`. */
function named(config: Fields, list: string, name: string | undefined, field: string): Fields | undefined {
  const entries = Array.isArray(config[list]) ? (config[list] as unknown[]) : [];
  const entry = entries.map(fields).find((candidate) => candidate?.["name"] === name);
  return fields(entry?.[field]);
}

/** The bytes of `<name>-data` (base64) or of the file `<name>` (relative to `base`), as client-node reads them. */
function material(entry: Fields, name: string, base: string): Buffer | undefined {
  const data = text(entry[`${name}-data`]);
  if (data) return Buffer.from(data, "base64");
  const file = text(entry[name]);
  return file ? readFileSync(isAbsolute(file) ? file : join(base, file)) : undefined;
}

/** Reads one kubeconfig file; undefined when it needs what only client-node does. */
function fromFile(path: string): Connection | undefined {
  const config = fields(yaml.load(readFileSync(path, "utf8")));
  if (!config) return undefined;
  const contextName = text(config["current-context"]);
  const context = named(config, "contexts", contextName, "context");
  const cluster = context && named(config, "clusters", text(context["cluster"]), "cluster");
  const user = (context && named(config, "users", text(context["user"]), "user")) ?? {};
  const server = cluster && text(cluster["server"]);
  if (!cluster || !server) return undefined;
  const needsClientNode = ["exec", "auth-provider", "as", "as-groups", "as-uid", "as-user-extra"].some(
    (key) => user[key] !== undefined,
  );
  if (needsClientNode || cluster["proxy-url"] !== undefined) return undefined;
  const base = dirname(path);
  const tokenFile = text(user["tokenFile"]);
  const username = text(user["username"]);
  return {
    server,
    ca: material(cluster, "certificate-authority", base),
    insecure: cluster["insecure-skip-tls-verify"] === true,
    tlsServerName: text(cluster["tls-server-name"]),
    cert: material(user, "client-certificate", base),
    key: material(user, "client-key", base),
    token: text(user["token"]),
    tokenFile: tokenFile && (isAbsolute(tokenFile) ? tokenFile : join(base, tokenFile)),
    basicAuth: username ? `${username}:${text(user["password"]) ?? ""}` : undefined,
  };
}

/** The in-cluster service account, as client-node's `loadFromCluster` reads it. */
function inCluster(env: NodeJS.ProcessEnv): Connection | undefined {
  const host = env["KUBERNETES_SERVICE_HOST"];
  const port = env["KUBERNETES_SERVICE_PORT"];
  if (!host || !port || !existsSync(join(SERVICE_ACCOUNT, "token"))) return undefined;
  return {
    server: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
    ca: existsSync(join(SERVICE_ACCOUNT, "ca.crt")) ? readFileSync(join(SERVICE_ACCOUNT, "ca.crt")) : undefined,
    insecure: false,
    tokenFile: join(SERVICE_ACCOUNT, "token"),
  };
}

/**
 * Loads the kubeconfig the standard way (client-node's `loadFromDefault`): KUBECONFIG, then
 * ~/.kube/config, then the in-cluster service account. Errors: throws when a kubeconfig file
 * named is unreadable or not YAML.
 */
export function loadDefaultKubeConfig(
  where: { readonly env?: NodeJS.ProcessEnv; readonly home?: string } = {},
): KubeConfigSource {
  const env = where.env ?? process.env;
  const files = (env["KUBECONFIG"] ?? "").split(delimiter).filter((file) => file !== "");
  const home = join(where.home ?? homedir(), ".kube", "config");
  const single = files.length === 1 ? files[0] : files.length === 0 && existsSync(home) ? home : undefined;
  const connection =
    single !== undefined
      ? fromFile(single)
      : files.length === 0 && process.platform !== "win32"
        ? inCluster(env)
        : undefined;
  return connection ? new SimpleKubeConfig(connection) : new DeferredKubeConfig();
}
