/**
 * The webhook server (controller-runtime's `webhook.DefaultServer`): HTTPS on port 9443 with the
 * certificate and key from `certDir` (`tls.crt`, `tls.key`), reloaded when the files change;
 * handlers registered by path, each instrumented with controller-runtime's webhook metrics. It is
 * a runnable of the manager that runs on every replica (no leader election), since the API server
 * may call any of them.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:tls";
import { realClock, type Clock } from "../clock.js";
import type { Checker } from "../healthz/healthz.js";
import { discardLogger, type Logger } from "../log/logger.js";
import { RuntimeMetrics } from "../metrics/registry.js";
import { untilAborted } from "../internal/sleep.js";
import type { WebhookHttpHandler } from "./admission/webhook.js";
import { CertWatcher } from "./cert_watcher.js";
import { instrumentedHandler } from "./metrics.js";

/** Options of the webhook server (`Manager` option `webhookServer`). */
export interface WebhookServerOptions {
  /** The address to listen on; every address when unset. */
  host?: string;
  /** 9443 by default; 0 picks a free port (tests), which `address()` then tells. */
  port: number;
  /** Holds the serving certificate and key; `<tmpdir>/k8s-webhook-server/serving-certs` by default. */
  certDir: string;
  certName: string;
  keyName: string;
  /**
   * A CA file in `certDir` that client certificates must be signed by; when set, every client
   * must present one (controller-runtime's `ClientCAName`, tls.RequireAndVerifyClientCert).
   */
  clientCAName?: string;
  /** How often the certificate files are read again besides watching them (controller-runtime: 10 s). */
  certPollIntervalMs: number;
}

/** Defaults of {@link WebhookServerOptions}, as controller-runtime's `Options.setDefaults`. */
export const DEFAULT_WEBHOOK_SERVER_OPTIONS: WebhookServerOptions = {
  port: 9443,
  certDir: join(tmpdir(), "k8s-webhook-server", "serving-certs"),
  certName: "tls.crt",
  keyName: "tls.key",
  certPollIntervalMs: 10_000,
};

/** What the server takes from its manager. */
export interface WebhookServerDependencies {
  metrics: RuntimeMetrics;
  logger: Logger;
  clock: Clock;
}

const WEBHOOK_PATH = /^((\/[a-zA-Z0-9-_]+)+|\/)$/;

/** Serves registered webhooks over HTTPS until stopped. */
export class WebhookServer {
  readonly options: WebhookServerOptions;
  /** The manager runs the webhook server without leader election. */
  readonly needLeaderElection = false;
  readonly #deps: WebhookServerDependencies;
  readonly #handlers = new Map<string, WebhookHttpHandler>();
  #address: { host: string; port: number } | undefined;
  #markListening!: () => void;
  readonly #listening = new Promise<void>((resolve) => (this.#markListening = resolve));
  #started = false;

  constructor(options: Partial<WebhookServerOptions> = {}, deps: Partial<WebhookServerDependencies> = {}) {
    this.options = { ...DEFAULT_WEBHOOK_SERVER_OPTIONS, ...options };
    this.#deps = {
      metrics: deps.metrics ?? new RuntimeMetrics(),
      logger: deps.logger ?? discardLogger,
      clock: deps.clock ?? realClock,
    };
  }

  /**
   * Serves `handler` at exactly `path`.
   * Errors: throws for a path already registered, or one that is not `/segment/...` of letters,
   * digits, `-` and `_` (controller-runtime's webhook path rule).
   */
  register(path: string, handler: WebhookHttpHandler): void {
    if (!WEBHOOK_PATH.test(path)) throw new Error(`webhook path "${path}" does not match ${WEBHOOK_PATH.source}`);
    if (this.#handlers.has(path)) throw new Error(`can't register duplicate path: ${path}`);
    this.#handlers.set(path, instrumentedHandler(path, handler, this.#deps.metrics));
    this.#deps.logger.info("Registering webhook", { path });
  }

  /** Whether a handler is registered at `path`. */
  isRegistered(path: string): boolean {
    return this.#handlers.has(path);
  }

  /** The registered paths, sorted. */
  paths(): string[] {
    return [...this.#handlers.keys()].sort();
  }

  /** Where the server listens, once it does. */
  address(): { host: string; port: number } | undefined {
    return this.#address ? { ...this.#address } : undefined;
  }

  /**
   * Loads the certificate, listens, and serves until the signal aborts; then stops accepting and
   * waits for the requests in flight.
   * Errors: rejects when the certificate cannot be loaded (naming the files) or the port is taken.
   */
  async start(signal: AbortSignal): Promise<void> {
    if (this.#started) throw new Error("the webhook server was already started");
    this.#started = true;
    const { certDir, certName, keyName, certPollIntervalMs, host, port } = this.options;
    const logger = this.#deps.logger;
    logger.info("Starting webhook server");
    const watcher = new CertWatcher({
      certPath: join(certDir, certName),
      keyPath: join(certDir, keyName),
      pollIntervalMs: certPollIntervalMs,
      clock: this.#deps.clock,
      logger: logger.withName("certwatcher"),
      // Called only by watch(), which starts once the server exists.
      onChange: (pair) => server.setSecureContext(pair),
    });
    const pair = await watcher.load();
    const clientAuth = await this.#clientAuthentication();
    const server: Server = createServer({ ...pair, ...clientAuth }, (request, response) => {
      const path = new URL(request.url ?? "/", "https://localhost").pathname;
      const handler = this.#handlers.get(path);
      if (!handler) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404 page not found\n");
        return;
      }
      handler(request, response).catch((err: unknown) => {
        logger.error(err, "webhook handler failed", { path });
        if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
        response.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const info = server.address() as AddressInfo;
    this.#address = { host: host ?? "localhost", port: info.port };
    logger.info("Serving webhook server", { host: host ?? "", port: info.port });
    this.#markListening();
    const watching = watcher.watch(signal);
    await untilAborted(signal);
    logger.info("Shutting down webhook server");
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await watching;
  }

  /** The TLS settings that require client certificates signed by `clientCAName`, if set. */
  async #clientAuthentication(): Promise<{ ca?: Buffer; requestCert?: boolean; rejectUnauthorized?: boolean }> {
    const { certDir, clientCAName } = this.options;
    if (!clientCAName) return {};
    const path = join(certDir, clientCAName);
    try {
      return { ca: await readFile(path), requestCert: true, rejectUnauthorized: true };
    } catch (err) {
      throw new Error(`failed to read client CA cert ${path}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
  }

  /** Resolves once listening (or when the signal aborts). */
  ready(signal: AbortSignal): Promise<void> {
    return Promise.race([this.#listening, untilAborted(signal)]);
  }

  /**
   * A health check that passes once the server listens and answers a TLS handshake
   * (controller-runtime's `StartedChecker`), for `mgr.addReadyzCheck("webhook", ...)`.
   */
  startedChecker(): Checker {
    return async () => {
      const address = this.#address;
      if (!address) throw new Error("webhook server has not been started yet");
      await new Promise<void>((resolve, reject) => {
        const socket = connect({ host: address.host, port: address.port, rejectUnauthorized: false, timeout: 10_000 });
        socket.once("secureConnect", () => {
          socket.end();
          resolve();
        });
        socket.once("timeout", () => socket.destroy(new Error("timed out")));
        socket.once("error", (err) => reject(new Error(`webhook server is not reachable: ${err.message}`)));
      });
    };
  }
}
