import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { untilAborted } from "../internal/sleep.js";
import type { GroupMember } from "./runnable_group.js";

/** Routes of one small HTTP server: path prefix → handler (the rest of the path is passed on). */
export type Routes = Record<
  string,
  (request: IncomingMessage, response: ServerResponse, subPath: string) => Promise<void>
>;

/**
 * Parses a bind address as controller-runtime does: `"0"` (or empty) disables the server;
 * `":8080"` binds every interface; `"127.0.0.1:8080"` one address; port 0 picks a free port.
 * Errors: throws naming the address when it has no port.
 */
export function parseBindAddress(address: string | undefined): { host?: string; port: number } | undefined {
  if (!address || address === "0") return undefined;
  const colon = address.lastIndexOf(":");
  const port = Number(address.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`bind address "${address}": expected host:port, :port, or "0" to disable`);
  }
  const host = address.slice(0, colon).replace(/^\[|\]$/g, "");
  return host ? { host, port } : { port };
}

/** A started server and the address it really listens on. */
export interface RunningServer {
  address: string;
  close(): Promise<void>;
}

/** Raised when a server of the manager cannot listen: names the option, the address and why. */
export class BindError extends Error {
  readonly option: string;
  readonly address: string;
  constructor(option: string, address: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const port = address.slice(address.lastIndexOf(":") + 1);
    const reason =
      code === "EADDRINUSE"
        ? `port ${port} is already in use`
        : code === "EACCES"
          ? `no permission to listen on port ${port}`
          : code === "EADDRNOTAVAIL"
            ? `the host is not an address of this machine`
            : cause instanceof Error
              ? cause.message
              : String(cause);
    super(`${option} "${address}": cannot listen: ${reason} (choose another address, or "0" to disable)`, { cause });
    this.name = "BindError";
    this.option = option;
    this.address = address;
  }
}

/** Starts a server for the routes. Errors: rejects when it cannot listen (the address is in use). */
export async function serve(bind: { host?: string; port: number }, routes: Routes): Promise<RunningServer> {
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const prefix = prefixes.find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
    const handler = prefix ? routes[prefix] : undefined;
    if (!handler || !prefix) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found\n");
      return;
    }
    handler(request, response, path.slice(prefix.length + 1)).catch((err: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(`${err instanceof Error ? err.message : String(err)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(bind.port, bind.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const info = server.address() as AddressInfo;
  const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
  return {
    address: `${host}:${info.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The member of the manager's HTTP servers group that serves `routes` on the address of `option`
 * (`metricsBindAddress`, `healthProbeBindAddress`): ready once listening, closed on stop.
 * Errors: its start rejects with a {@link BindError} when it cannot listen.
 */
export function serverMember(
  server: { option: string; address: string; routes: Routes },
  onListening: (address: string) => void,
): GroupMember {
  const bind = parseBindAddress(server.address);
  if (!bind) throw new Error(`${server.option} "${server.address}" disables the server: it has no member`);
  let markListening!: () => void;
  const listening = new Promise<void>((resolve) => (markListening = resolve));
  return {
    async start(signal) {
      let running: RunningServer;
      try {
        running = await serve(bind, server.routes);
      } catch (err) {
        throw new BindError(server.option, server.address, err);
      }
      onListening(running.address);
      markListening();
      await untilAborted(signal);
      await running.close();
    },
    ready: (stop) => Promise.race([listening, untilAborted(stop)]),
  };
}
