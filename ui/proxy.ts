/**
 * The UI server's way to the API server: `/api` and `/apis` requests from the page, forwarded
 * with the kubeconfig's TLS settings and credentials (whatever kind they are: the kubeconfig
 * source applies them), and streamed both ways, so a watch reaches the page event by event.
 */
import * as http from "node:http";
import * as https from "node:https";
import type { KubeConfigSource } from "uselessctl";

/** The request headers the page may pass on; cookies, origin and credentials stay here. */
const FORWARDED_REQUEST_HEADERS = ["accept", "content-type", "content-length"] as const;
/** The response headers the page gets back; the API server's others (audit ids, cookies) stay. */
const FORWARDED_RESPONSE_HEADERS = ["content-type", "content-length", "cache-control", "warning"] as const;

/** Whether `pathname` is an API path the proxy forwards. */
export function isApiPath(pathname: string): boolean {
  return /^\/(?:api|apis)(?:\/|$)/.test(pathname) || pathname === "/version";
}

interface Upstream {
  server: URL;
  agent: http.Agent;
  headers: Record<string, string>;
}

/** Forwards page requests to the kubeconfig's cluster. */
export class ApiProxy {
  readonly #kubeConfig: KubeConfigSource;
  #upstream: Promise<Upstream> | undefined;

  constructor(kubeConfig: KubeConfigSource) {
    this.#kubeConfig = kubeConfig;
  }

  async #connect(): Promise<Upstream> {
    const applied: https.RequestOptions = {};
    await this.#kubeConfig.applyToHTTPSOptions(applied);
    const cluster = this.#kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error("the kubeconfig names no current cluster; set current-context or KUBECONFIG");
    const server = new URL(cluster.server);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(applied.headers ?? {})) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
    }
    if (applied.auth) headers["authorization"] = `Basic ${Buffer.from(applied.auth).toString("base64")}`;
    const tls = {
      ca: applied.ca,
      cert: applied.cert,
      key: applied.key,
      rejectUnauthorized: applied.rejectUnauthorized,
      servername: applied.servername,
    };
    const agent = server.protocol === "https:" ? new https.Agent({ keepAlive: true, ...tls }) : new http.Agent();
    return { server, agent, headers };
  }

  /** Forwards one request; answers 502 with the reason when the API server cannot be reached. */
  async forward(request: http.IncomingMessage, response: http.ServerResponse, pathAndQuery: string): Promise<void> {
    let upstream: Upstream;
    try {
      upstream = await (this.#upstream ??= this.#connect());
    } catch (error) {
      this.#upstream = undefined;
      badGateway(response, error);
      return;
    }
    const headers: Record<string, string> = { ...upstream.headers };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const module = upstream.server.protocol === "https:" ? https : http;
    const outgoing = module.request({
      protocol: upstream.server.protocol,
      hostname: upstream.server.hostname,
      port: upstream.server.port,
      method: request.method,
      path: upstream.server.pathname.replace(/\/$/, "") + pathAndQuery,
      agent: upstream.agent,
      headers,
    });
    outgoing.on("response", (incoming) => {
      // Expired or rotated credentials (exec plugins, token files): read them again next time.
      if (incoming.statusCode === 401) this.#upstream = undefined;
      const answer: Record<string, string> = {};
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = incoming.headers[name];
        if (typeof value === "string") answer[name] = value;
      }
      response.writeHead(incoming.statusCode ?? 502, answer);
      // A watch's headers go out at once; its events follow as the API server writes them.
      response.flushHeaders();
      incoming.pipe(response);
    });
    outgoing.on("error", (error) => {
      if (!response.headersSent) badGateway(response, error);
      else response.destroy();
    });
    // The page went away (a closed tab, an aborted watch): so does the upstream request.
    response.on("close", () => outgoing.destroy());
    request.pipe(outgoing);
  }

  close(): void {
    void this.#upstream?.then((upstream) => upstream.agent.destroy()).catch(() => undefined);
  }
}

function badGateway(response: http.ServerResponse, error: unknown): void {
  const message = `the API server could not be reached: ${error instanceof Error ? error.message : String(error)}`;
  response.writeHead(502, { "content-type": "application/json" });
  response.end(JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", message, code: 502 }));
}
