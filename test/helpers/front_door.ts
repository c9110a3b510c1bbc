/**
 * A front door for integration tests of the runtime: a plain-HTTP proxy on 127.0.0.1 in front of
 * a test API server. The code under test talks to the front door (its kubeconfig points there);
 * the test talks to the server directly. The front door counts every request (so a test can
 * assert that reads came from the cache), can go down and come back (an outage, without touching
 * the server), can answer the next watches with 410 Gone, and can be pointed at a restarted
 * server whose address, CA and token changed.
 */
import * as http from "node:http";
import * as https from "node:https";
import type { Socket, AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";

/** One request seen by the front door. */
export interface SeenRequest {
  method: string;
  path: string;
  watch: boolean;
}

/** A running front door. */
export interface FrontDoor {
  /** A kubeconfig that reaches the server through the front door (no TLS, no credentials). */
  readonly kubeConfig: KubeConfig;
  readonly requests: SeenRequest[];
  /** Requests that are not watches, optionally only with this method. */
  count(filter?: { method?: string; pathIncludes?: string }): number;
  /** Closes every open connection and refuses new ones until `up()`. */
  down(): void;
  up(): void;
  /** The next `n` watch requests get 410 Expired (as after etcd compaction). */
  expireNextWatches(n: number): void;
  /** Points the front door at another server (after a restart). */
  retarget(target: KubeConfig): Promise<void>;
  stop(): Promise<void>;
}

interface Target {
  url: URL;
  agent: https.Agent | http.Agent;
  headers: Record<string, string>;
}

async function targetOf(kubeConfig: KubeConfig): Promise<Target> {
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const url = new URL(kubeConfig.getCurrentCluster()?.server ?? "");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = String(value);
  const agentOptions = { keepAlive: true, ca: options.ca, cert: options.cert, key: options.key };
  return {
    url,
    headers,
    agent: url.protocol === "https:" ? new https.Agent(agentOptions) : new http.Agent(agentOptions),
  };
}

/** Starts a front door to the server `target` names. */
export async function startFrontDoor(target: KubeConfig): Promise<FrontDoor> {
  let current = await targetOf(target);
  let isDown = false;
  let expire = 0;
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const upstreams = new Set<http.ClientRequest>();

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://front-door");
    const watch = url.searchParams.get("watch") === "true" || url.searchParams.get("watch") === "1";
    requests.push({ method: request.method ?? "GET", path: url.pathname + url.search, watch });
    if (isDown) {
      request.socket.destroy();
      return;
    }
    if (watch && expire > 0) {
      expire--;
      const status = {
        kind: "Status",
        apiVersion: "v1",
        status: "Failure",
        reason: "Expired",
        code: 410,
        message: "too old resource version (front door)",
      };
      response.writeHead(410, { "Content-Type": "application/json" }).end(JSON.stringify(status));
      return;
    }
    const module = current.url.protocol === "https:" ? https : http;
    const headers = { ...request.headers, ...current.headers, host: current.url.host };
    const upstream = module.request(
      {
        protocol: current.url.protocol,
        hostname: current.url.hostname,
        port: current.url.port,
        method: request.method,
        path: url.pathname + url.search,
        headers,
        agent: current.agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        // Pass the headers on at once, as the server sent them: a watch may carry no event for long.
        response.flushHeaders();
        answer.pipe(response);
      },
    );
    upstreams.add(upstream);
    upstream.on("close", () => upstreams.delete(upstream));
    upstream.on("error", () => response.destroy());
    response.on("close", () => upstream.destroy());
    request.pipe(upstream);
  });
  server.on("connection", (socket: Socket) => {
    if (isDown) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: "front-door", server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: "front-door" }],
    contexts: [{ name: "front-door", cluster: "front-door", user: "front-door" }],
    currentContext: "front-door",
  });

  const cutEverything = (): void => {
    for (const upstream of upstreams) upstream.destroy();
    for (const socket of sockets) socket.destroy();
  };

  return {
    kubeConfig,
    requests,
    count: (filter = {}) =>
      requests.filter(
        (seen) =>
          !seen.watch &&
          (!filter.method || seen.method === filter.method) &&
          (!filter.pathIncludes || seen.path.includes(filter.pathIncludes)),
      ).length,
    down() {
      isDown = true;
      cutEverything();
    },
    up() {
      isDown = false;
    },
    expireNextWatches(n) {
      expire = n;
    },
    async retarget(next) {
      current.agent.destroy();
      current = await targetOf(next);
      cutEverything();
    },
    async stop() {
      cutEverything();
      current.agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
