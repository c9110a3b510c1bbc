/**
 * The bench's instruments: a plain-HTTP front door to the local API server that counts every
 * request the operator makes, and a small HTTPS JSON client for the bench's own requests (which
 * go straight to the server and are not counted).
 */
import { createServer, type Server } from "node:http";
import { Agent, request } from "node:https";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { load } from "js-yaml";

/** Where a kubeconfig points and how it authenticates (token and CA, as the local server writes). */
export interface Endpoint {
  server: URL;
  token: string;
  ca: string;
}

/** Reads the first cluster and user of a kubeconfig file. */
export function endpointFromKubeconfig(path: string): Endpoint {
  const config = load(readFileSync(path, "utf8")) as {
    clusters: { cluster: { server: string; "certificate-authority-data"?: string } }[];
    users: { user: { token?: string } }[];
  };
  const cluster = config.clusters[0]?.cluster;
  const token = config.users[0]?.user.token;
  if (!cluster || !token) throw new Error(`${path}: expected a cluster and a user with a token`);
  return {
    server: new URL(cluster.server),
    token,
    ca: Buffer.from(cluster["certificate-authority-data"] ?? "", "base64").toString("utf8"),
  };
}

/** Requests counted at the front door, by kind of request. */
export interface RequestCounts {
  writes: Record<string, number>;
  /** GETs of one object: reads that bypassed the cache. */
  gets: number;
  lists: number;
  watches: number;
}

/** A counting proxy: plain HTTP on loopback in, HTTPS to the API server out. */
export class CountingProxy {
  readonly counts: RequestCounts = { writes: {}, gets: 0, lists: 0, watches: 0 };
  readonly #server: Server;
  readonly #agent: Agent;

  private constructor(target: Endpoint) {
    this.#agent = new Agent({ keepAlive: true, ca: target.ca, maxSockets: 64 });
    this.#server = createServer((incoming, outgoing) => {
      this.#count(incoming.method ?? "GET", new URL(incoming.url ?? "/", "http://x"));
      const upstream = request(
        {
          host: target.server.hostname,
          port: target.server.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: target.server.host },
          agent: this.#agent,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on("error", () => outgoing.destroy());
      // The client went away (a watch it stopped): end the upstream request too.
      outgoing.on("close", () => {
        if (!outgoing.writableFinished) upstream.destroy();
      });
      incoming.pipe(upstream);
    });
  }

  static async start(target: Endpoint): Promise<CountingProxy> {
    const proxy = new CountingProxy(target);
    await new Promise<void>((resolve) => proxy.#server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** A kubeconfig that sends a client through this proxy. */
  kubeconfig(token: string): string {
    return [
      "apiVersion: v1",
      "kind: Config",
      // client-node accepts a plain-HTTP server only with TLS verification off; loopback only.
      "clusters: [{ name: bench, cluster: { server: " +
        JSON.stringify(this.url) +
        ", insecure-skip-tls-verify: true } }]",
      "users: [{ name: bench, user: { token: " + JSON.stringify(token) + " } }]",
      "contexts: [{ name: bench, context: { cluster: bench, user: bench } }]",
      "current-context: bench",
      "",
    ].join("\n");
  }

  totalWrites(): number {
    return Object.values(this.counts.writes).reduce((sum, n) => sum + n, 0);
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
    this.#agent.destroy();
  }

  #count(method: string, url: URL): void {
    const segments = url.pathname.split("/").filter(Boolean);
    if (method === "GET") {
      if (url.searchParams.get("watch") === "true" || url.searchParams.get("watch") === "1") this.counts.watches++;
      // /apis/<group>/<version>/namespaces/<ns>/<plural>/<name>: an odd number of segments after the version is one object.
      else if (isSingleObject(segments)) this.counts.gets++;
      else this.counts.lists++;
      return;
    }
    const resource = segments.at(-1) === "status" ? `${resourceOf(segments)}/status` : resourceOf(segments);
    const key = `${method} ${resource}`;
    this.counts.writes[key] = (this.counts.writes[key] ?? 0) + 1;
  }
}

function versionEnd(segments: string[]): number {
  return segments[0] === "api" ? 2 : 3;
}

function isSingleObject(segments: string[]): boolean {
  const rest = segments.slice(versionEnd(segments));
  const withoutNamespace = rest[0] === "namespaces" && rest.length > 2 ? rest.slice(2) : rest;
  return withoutNamespace.length >= 2;
}

function resourceOf(segments: string[]): string {
  const rest = segments.slice(versionEnd(segments));
  const withoutNamespace = rest[0] === "namespaces" && rest.length > 2 ? rest.slice(2) : rest;
  return withoutNamespace[0] ?? "?";
}

/** A keep-alive HTTPS JSON client for the bench's own requests. */
export class DirectClient {
  readonly #endpoint: Endpoint;
  readonly #agent: Agent;

  constructor(endpoint: Endpoint) {
    this.#endpoint = endpoint;
    this.#agent = new Agent({ keepAlive: true, ca: endpoint.ca, maxSockets: 32 });
  }

  async request<T>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.#endpoint.server.hostname,
          port: this.#endpoint.server.port,
          path,
          method,
          agent: this.#agent,
          headers: {
            authorization: `Bearer ${this.#endpoint.token}`,
            accept: "application/json",
            ...(payload ? { "content-type": contentType, "content-length": Buffer.byteLength(payload) } : {}),
          },
        },
        (answer) => {
          let text = "";
          answer.setEncoding("utf8");
          answer.on("data", (chunk: string) => (text += chunk));
          answer.on("end", () => {
            if ((answer.statusCode ?? 500) >= 300)
              reject(new Error(`${method} ${path}: ${answer.statusCode} ${text.slice(0, 300)}`));
            else resolve(JSON.parse(text) as T);
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
