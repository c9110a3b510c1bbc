import { realClock, type Clock } from "../clock.js";
import * as http from "node:http";
import * as https from "node:https";
import type { Status } from "../../apimachinery/index.js";
import { ApiError } from "./errors.js";
import { JsonLineDecoder } from "./json_lines.js";
import type { KubeConfigSource } from "./kubeconfig.js";

/**
 * The HTTP layer under the typed client: JSON requests and line-delimited watch streams, with
 * connection settings (server, TLS, credentials) taken from a kubeconfig (`loadDefaultKubeConfig`,
 * or a client-node `KubeConfig`).
 * There are no hidden retries here: a failure is reported once, and retrying is the work queue's
 * and the reflector's decision.
 */

/** One request to the API server. `path` includes the query string. */
export interface TransportRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  /** Content type of the body; `application/json` unless said otherwise (patches). */
  contentType?: string;
  signal?: AbortSignal;
}

/** A watch request: `onOpen` is called once the server has accepted it. */
export interface WatchRequest {
  path: string;
  signal?: AbortSignal;
  onOpen?: () => void;
}

/** A watch event line as the API server streams it. */
export interface RawWatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: unknown;
}

/** The narrow HTTP interface the client and informers use; inject a fake in tests. */
export interface Transport {
  /** Sends a request and resolves with the decoded JSON body. Errors: {@link ApiError} for non-2xx. */
  request(req: TransportRequest): Promise<unknown>;
  /**
   * Opens a watch and calls `onEvent` for every event until the server closes the stream (resolves)
   * or the connection fails (rejects). Errors: {@link ApiError} when the server refuses the watch.
   */
  watch(req: WatchRequest, onEvent: (event: RawWatchEvent) => void): Promise<void>;
}

/** Observes every request, for metrics (`rest_client_requests_total`). */
export type RequestObserver = (method: string, code: number) => void;

/** Options of {@link createKubeConfigTransport}. */
export interface KubeConfigTransportOptions {
  kubeConfig: KubeConfigSource;
  /** Timeout of non-watch requests, ms. */
  requestTimeoutMs: number;
  /** How long credentials from the kubeconfig (exec plugins, token files) are reused, ms. */
  credentialRefreshMs: number;
  observeRequest?: RequestObserver;
  /** Where credential ages are measured. */
  clock: Clock;
  /** Sockets kept open per host; watches use one each. */
  maxSockets: number;
}

/** Defaults of {@link createKubeConfigTransport}. */
export const DEFAULT_TRANSPORT_OPTIONS = {
  requestTimeoutMs: 30_000,
  credentialRefreshMs: 60_000,
  maxSockets: 64,
  clock: realClock,
} as const;

interface Connection {
  server: URL;
  agent: http.Agent;
  /** What the agent was built from; a new agent is made only when this changes. */
  agentKey: string;
  headers: Record<string, string>;
  loadedAt: number;
}

/** A {@link Transport} over node's http/https with the kubeconfig's TLS and credentials applied. */
export function createKubeConfigTransport(
  options: Partial<KubeConfigTransportOptions> & { kubeConfig: KubeConfigSource },
): Transport {
  const settings = { ...DEFAULT_TRANSPORT_OPTIONS, ...options };
  let connection: Connection | undefined;

  async function connect(): Promise<Connection> {
    if (connection && settings.clock.now() - connection.loadedAt < settings.credentialRefreshMs) return connection;
    const applied: https.RequestOptions = {};
    // First: a kubeconfig that needs client-node knows its cluster once loaded, on first use.
    await settings.kubeConfig.applyToHTTPSOptions(applied);
    const cluster = settings.kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error("the kubeconfig names no current cluster; set current-context or KUBECONFIG");
    const server = new URL(cluster.server);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(applied.headers ?? {})) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
    }
    if (applied.auth) headers.Authorization = `Basic ${Buffer.from(applied.auth).toString("base64")}`;
    // One keep-alive agent per connection settings: client-node's agent is per call and would
    // open a new TLS session for every request.
    const agentOptions = {
      keepAlive: true,
      maxSockets: settings.maxSockets,
      ca: applied.ca,
      cert: applied.cert,
      key: applied.key,
      rejectUnauthorized: applied.rejectUnauthorized,
      servername: applied.servername,
    };
    const agentKey = JSON.stringify([
      server.origin,
      String(applied.ca),
      String(applied.cert),
      String(applied.key),
      applied.rejectUnauthorized,
      applied.servername,
    ]);
    // Refreshing credentials must not cut open watches: keep the agent unless TLS settings moved.
    const agent =
      connection?.agentKey === agentKey
        ? connection.agent
        : server.protocol === "https:"
          ? new https.Agent(agentOptions)
          : new http.Agent(agentOptions);
    connection = { server, agent, agentKey, headers, loadedAt: settings.clock.now() };
    return connection;
  }

  /** Forgets the loaded settings, so the next request reads the kubeconfig again. */
  function reload(code: number): void {
    // 401: credentials expired or rotated (exec plugins, token files); 0: the server went away
    // and may be back elsewhere (a restarted test server with a new CA and token).
    if ((code === 401 || code === 0) && connection) connection.loadedAt = 0;
  }

  function send(conn: Connection, req: TransportRequest, timeoutMs: number | undefined): Promise<http.IncomingMessage> {
    const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
    const basePath = conn.server.pathname.replace(/\/$/, "");
    const requestOptions: https.RequestOptions = {
      protocol: conn.server.protocol,
      hostname: conn.server.hostname,
      port: conn.server.port,
      method: req.method,
      path: basePath + req.path,
      agent: conn.agent,
      headers: {
        ...conn.headers,
        Accept: "application/json",
        ...(payload ? { "Content-Type": req.contentType ?? "application/json", "Content-Length": payload.length } : {}),
      },
      signal: req.signal,
      timeout: timeoutMs,
    };
    const module = conn.server.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const outgoing = module.request(requestOptions, resolve);
      outgoing.on("error", reject);
      outgoing.on("timeout", () =>
        outgoing.destroy(new Error(`${req.method} ${req.path}: no answer within ${timeoutMs} ms`)),
      );
      outgoing.end(payload);
    });
  }

  function readBody(response: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      response.on("error", reject);
    });
  }

  function failure(req: { method: string; path: string }, code: number, text: string): ApiError {
    let status: Status = { status: "Failure", code, message: text.slice(0, 500) || undefined };
    try {
      const parsed = JSON.parse(text) as Status;
      if (parsed && typeof parsed === "object" && parsed.kind === "Status") status = parsed;
    } catch {
      // not JSON: keep the text as the message
    }
    return new ApiError({ code, status, request: { method: req.method, path: req.path } });
  }

  return {
    async request(req) {
      const conn = await connect();
      let code = 0;
      try {
        const response = await send(conn, req, settings.requestTimeoutMs);
        code = response.statusCode ?? 0;
        const text = await readBody(response);
        if (code < 200 || code >= 300) throw failure(req, code, text);
        return text === "" ? {} : (JSON.parse(text) as unknown);
      } finally {
        settings.observeRequest?.(req.method, code);
        reload(code);
      }
    },

    async watch(req, onEvent) {
      const conn = await connect();
      const response = await send(conn, { path: req.path, signal: req.signal, method: "GET" }, undefined).catch(
        (err: unknown) => {
          reload(0);
          throw err;
        },
      );
      const code = response.statusCode ?? 0;
      settings.observeRequest?.("WATCH", code);
      reload(code);
      if (code !== 200) throw failure({ method: "GET", path: req.path }, code, await readBody(response));
      req.onOpen?.();
      await new Promise<void>((resolve, reject) => {
        const lines = new JsonLineDecoder();
        const deliver = (event: unknown): void => onEvent(event as RawWatchEvent);
        response.on("data", (chunk: Buffer) => {
          try {
            lines.push(chunk, deliver);
          } catch (err) {
            response.destroy(err instanceof Error ? err : new Error(String(err)));
          }
        });
        response.on("end", resolve);
        response.on("close", resolve);
        response.on("error", reject);
        response.on("aborted", () => reject(new Error(`watch ${req.path} aborted by the server`)));
      });
    },
  };
}
