/**
 * A local web UI for a cluster: a server on 127.0.0.1 that serves the pages and forwards their
 * `/api` and `/apis` requests to the API server with the kubeconfig's credentials. The pages list
 * and watch objects through it exactly as any client does. Only the browser that opened the
 * printed address gets in (see session.ts); requests for another host name are refused, so a
 * web page elsewhere cannot reach it through DNS tricks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { KubeConfigSource } from "uselessctl";
import { ApiProxy, isApiPath } from "./proxy.js";
import { hasSessionCookie, newSession, presentsSecret, sessionCookie, SESSION_PARAMETER } from "./session.js";
import { jsYamlModulePath, SECURITY_HEADERS, sendFile, sendStaticFile, toolkitStaticDir } from "./static_files.js";

/** A folder of pages served under `mount` (`/board/`), beside the toolkit's own. */
export interface UiApp {
  /** Where it is served: starts and ends with a slash. */
  readonly mount: string;
  readonly dir: string;
  /** Its name in the navigation. */
  readonly title: string;
}

/** Options of {@link startUiServer}. */
export interface UiServerOptions {
  kubeConfig: KubeConfigSource;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** More pages, such as an operator's own board. */
  apps?: readonly UiApp[];
  /** Where the printed address lands: an app's mount, or `/` (the resources view, the default). */
  landing?: string;
  /** Facts the pages read from `/ui/settings.json` (an operator's timing, say). */
  settings?: Readonly<Record<string, unknown>>;
}

/** A running UI server. */
export interface UiServer {
  /** The server's origin, `http://127.0.0.1:<port>`: what it serves, without access. */
  readonly origin: string;
  /** The address to open: it carries the per-start secret, exchanged for a cookie on first load. */
  readonly sessionUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Starts the UI server. Errors: rejects when the port cannot be listened on, or an app's mount
 * is not a `/name/` path.
 */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const apps = options.apps ?? [];
  for (const app of apps) {
    if (!/^\/[a-z0-9][a-z0-9-]*\/$/.test(app.mount) || app.mount === "/ui/")
      throw new Error(`UI app ${JSON.stringify(app.title)}: mount ${JSON.stringify(app.mount)} is not a "/name/" path`);
  }
  const staticDir = toolkitStaticDir();
  const proxy = new ApiProxy(options.kubeConfig);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const session = newSession(port);
  const origin = `http://${HOST}:${port}`;
  const allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const navigation = [{ title: "Resources", href: "/" }, ...apps.map((app) => ({ title: app.title, href: app.mount }))];
  const pageSettings = JSON.stringify({ ...options.settings, navigation });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!allowedHosts.has(request.headers.host ?? "")) return plain(response, 403, "unexpected Host header\n");
    const url = new URL(request.url ?? "/", origin);
    if (presentsSecret(session, url.searchParams)) {
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        "set-cookie": sessionCookie(session),
        location: options.landing ?? "/",
      });
      response.end();
      return;
    }
    if (!hasSessionCookie(session, request)) {
      return plain(
        response,
        401,
        `Open the address this UI server printed when it started (it ends in ?${SESSION_PARAMETER}=...).\n`,
      );
    }
    if (isApiPath(url.pathname)) {
      if (WRITE_METHODS.has(request.method ?? "") && !sameOrigin(request, `http://${request.headers.host}`))
        return plain(response, 403, "cross-site write refused\n");
      return proxy.forward(request, response, url.pathname + url.search);
    }
    if (request.method !== "GET" && request.method !== "HEAD") return plain(response, 405, "method not allowed\n");
    if (url.pathname === "/ui/settings.json") {
      response.writeHead(200, { ...SECURITY_HEADERS, "content-type": "application/json" });
      response.end(pageSettings);
      return;
    }
    if (url.pathname === "/ui/vendor/js-yaml.mjs" && (await sendFile(response, jsYamlModulePath()))) return;
    const app = apps.find((candidate) => url.pathname.startsWith(candidate.mount));
    const served = app
      ? await sendStaticFile(response, app.dir, url.pathname.slice(app.mount.length))
      : url.pathname === "/"
        ? await sendStaticFile(response, staticDir, "index.html")
        : url.pathname.startsWith("/ui/") && (await sendStaticFile(response, staticDir, url.pathname.slice(4)));
    if (!served) plain(response, 404, "not found\n");
  };

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) plain(response, 500, `${error instanceof Error ? error.message : String(error)}\n`);
      else response.destroy();
    });
  });

  return {
    origin,
    sessionUrl: `${origin}/?${SESSION_PARAMETER}=${session.secret}`,
    port,
    async close() {
      proxy.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A write from the page itself: browsers name the requesting origin on every cross-origin write. */
function sameOrigin(request: IncomingMessage, origin: string): boolean {
  const fetchSite = request.headers["sec-fetch-site"];
  if (typeof fetchSite === "string" && fetchSite !== "same-origin") return false;
  const from = request.headers.origin;
  return from === undefined || from === origin;
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}
