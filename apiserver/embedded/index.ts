/**
 * The embedded, Kubernetes-compatible API server that `startTestEnv()` (#8) starts, and with it
 * `uselessctl cluster start` (also `npm run apiserver`).
 *
 * It speaks the real HTTP API over HTTPS on loopback with a bearer token, so that kubectl and
 * @kubernetes/client-node work against it unchanged. What it serves: namespaces, configmaps,
 * secrets, serviceaccounts, events (core and events.k8s.io), leases, CRDs and the custom
 * resources they define. Not here: pods, RBAC, admission webhooks, aggregation.
 */
import { startApiServer, type ApiServerOptions, type RunningApiServer } from "./api_server.js";

export type { RunningApiServer } from "./api_server.js";

/** Options of `startEmbeddedApiServer`; every one is optional. */
export type EmbeddedApiServerOptions = Partial<
  Pick<
    ApiServerOptions,
    "port" | "host" | "dataDir" | "token" | "watchHistorySize" | "bookmarkIntervalMs" | "onForbidden"
  >
>;

/**
 * Starts the server and resolves once it accepts requests.
 *
 * Guarantees: listens on 127.0.0.1 (or another loopback host) only; with `dataDir`, every
 * acknowledged write survives a crash; `stop()` closes every connection and the log.
 */
export function startEmbeddedApiServer(options: EmbeddedApiServerOptions = {}): Promise<RunningApiServer> {
  return startApiServer(options);
}
